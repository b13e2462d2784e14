export {flavors, type Flavor} from '../flavor/index.ts'
export {parseConfig, type Config, type Options as ConfigOptions} from './lib/config.ts'
export {markdownExtension, parsePathPattern, withLocale, type PathPattern} from './lib/path-pattern.ts'
