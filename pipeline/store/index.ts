export {applyUpdates, hasValues, sourceBundle, toJson, type BundleUpdate} from './lib/bundles.ts'
export {importXliff, type ImportReport, type Options as ImportOptions, type Prefilled} from './lib/import-xliff.ts'
export {fromBundleXliff, toBundleXliff, type BundleXliff, type BundleXliffOptions} from './lib/bundle-xliff.ts'
