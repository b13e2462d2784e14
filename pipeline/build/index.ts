export {buildDocument, type Coverage, type Options as BuildOptions} from './lib/build-document.ts'
export {createResolver, type Options as ResolverOptions, type Resolved, type Resolver} from './lib/resolve.ts'
