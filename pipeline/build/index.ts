export {buildDocument, type Options as BuildOptions} from './lib/build-document.ts'
export {coveredShare, origins, percentText, sumCoverage, type Coverage, type CoveredShare} from './lib/coverage.ts'
export {createResolver, type Options as ResolverOptions, type Resolved, type Resolver} from './lib/resolve.ts'
