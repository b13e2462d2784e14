export {Reporter, type Extra} from './lib/reporter.ts'
export {Abort, readXml, textTooLong, type Options as XmlOptions, type XmlAttribute, type XmlElement, type XmlFormat, type XmlHandler, type XmlLimits, type XmlRuleIds} from './lib/xml-driver.ts'
export {readOptions, type ReadOptions} from './lib/read-options.ts'
export {decodeXml, type Decoded} from './lib/decode-xml.ts'
