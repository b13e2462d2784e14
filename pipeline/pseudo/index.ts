export {pseudoLocalize, type Options as PseudoOptions} from './lib/pseudo-localize.ts'
