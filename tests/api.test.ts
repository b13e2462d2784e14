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
    'fromXliff12',
    'importProject',
    'importXliff',
    'markdownBlocks',
    'merge',
    'omegatProject',
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
    'toTmx',
    'toXliff',
    'toXliff12'
  ])
})
