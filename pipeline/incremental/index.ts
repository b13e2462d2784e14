export {digest, digestBytes} from './lib/digest.ts'
export {documentKey, lintKey, type ParseSettings} from './lib/parse-key.ts'
export {inShard, parseShard, type Shard} from './lib/shard.ts'
export {analysisContextKey, analysisKey, buildInputsKey, buildKey, extractContextKey, extractOutputsKey, glossaryContextKey, glossaryListingKey, glossaryPartKey} from './lib/output-key.ts'
