export {buildDocument, type Options as BuildOptions} from './lib/build-document.ts'
export {coveredShare, origins, percentShare, percentText, sumCoverage, type Coverage, type CoveredShare, type PercentOptions} from './lib/coverage.ts'
export {createResolver, type Options as ResolverOptions, type Resolved, type Resolver} from './lib/resolve.ts'
