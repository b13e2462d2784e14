export {flavors, type Flavor} from '../flavor/index.ts'
export {parseConfig, type Config} from './lib/config.ts'
export {markdownExtension, parsePathPattern, withLocale, type PathPattern} from './lib/path-pattern.ts'
