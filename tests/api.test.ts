import test from 'ava'
import * as babele from '../pipeline/index.ts'

test('should expose the public api', (t) => {
  t.deepEqual(Object.keys(babele).sort(), [
    'applyUpdates',
    'buildDocument',
    'buildProject',
    'checkTargetCodes',
    'createResolver',
    'defaultRules',
    'escapeText',
    'extractDocuments',
    'extractProject',
    'fromBundleValue',
    'fromBundleXliff',
    'fromMarkdown',
    'fromSrx',
    'fromXliff',
    'importProject',
    'importXliff',
    'markdownBlocks',
    'merge',
    'parseConfig',
    'parseMarkdown',
    'paths',
    'segment',
    'segmentKey',
    'sentenceSpans',
    'sourceBundle',
    'toBundleValue',
    'toBundleXliff',
    'toJson',
    'toXliff'
  ])
})
