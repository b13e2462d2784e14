export {flavors, parseConfig, type Config} from './lib/config.ts'
