export {parseConfig, type Config} from './lib/config.ts'
