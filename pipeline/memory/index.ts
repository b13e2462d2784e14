export {toTmx, type Options as TmxOptions, type TmxEntry} from './lib/to-tmx.ts'
