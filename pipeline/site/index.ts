export {detectSite, siteDetectors, siteFiles, type Options as DetectSiteOptions, type SiteConfig} from './lib/detect-site.ts'
export type {Detection, Detector, Finding, Site} from './lib/site.ts'
