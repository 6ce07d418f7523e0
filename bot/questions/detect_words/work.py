"""Words of work (`about work`, +0.2): a question carrying one is about the job."""

from __future__ import annotations

from bot.questions.detect_words.fragments import phrases

# Words of work: a question carrying one is about the job, not the weekend.
_WORK = (
    # engineering
    r"api|apis|sdk|endpoint|deploy\w*|build|builds|ci|cd|pipeline|pipelines|repo|repos|"
    r"branch\w*|merge|rebase|commit|commits|pr|prs|test|tests|testing|docker|kubernetes|k8s|"
    r"kubectl|helm|terraform|aws|gcp|azure|lambda|cloudfront|s3|database|databases|db|postgres|"
    r"mysql|sql|query|queries|schema|migration|migrations|table|column|index|cache|caching|queue|"
    r"kafka|redis|service|services|server|cluster|pod|pods|logs|logging|error|errors|exception|"
    r"bug|bugs|crash|timeout|times out|latency|config|configure|env|staging|prod|production|"
    r"release|version|library|package|npm|pip|python|java|golang|react|webpack|vite|git|github|"
    r"gitlab|jira|confluence|notion|runner|runners|cron|script|code|ssl|certificate|dns|domain|"
    r"sso|saml|okta|oauth|2fa|mfa|vpn|password|credentials|token|secret|secrets|key|keys|"
    r"encryption|graphql|websockets?|flag|flags|header|headers|payload|webhook|integration|"
    r"sandbox|grafana|datadog|alerting|alerts?|on-call|incident|runbook|slo|slos|sla|"
    r"load test\w*|dev env|local dev\w*|laptop|printer|monitor|wiki|",
    # the devices of an office or a classroom
    r"computer|computers|desktop|chromebook|chromebooks|ipad|ipads|tablet|tablets|projector|"
    r"smartboard|doc cam|document cam|document camera|hdmi|copier|scanner|keyboard|"
    r"webcam|headset|",
    # data and design
    r"data|dashboard|dashboards|looker|tableau|snowflake|dbt|redshift|warehouse|metric|metrics|"
    r"analytics|event|events|notebook|pandas|pivot|spreadsheet|sheets|excel|airtable|model|"
    r"figma|storybook|component|components|design system|tokens|font|icons?|prototype|"
    r"accessibility|ux|ui|brand|logo|style guide|mockups?|wireframes?|"
    # sales and customers
    r"salesforce|crm|hubspot|gainsight|opportunity|opp|deal|deals|quota|territory|territories|"
    r"commission|spifs?|discount|pricing|price|quote|proposal|renewal|contract|contracts|"
    r"prospect|prospects|customer|customers|client|clients|lead|leads|rfp|nda|dpa|msa|partner|"
    r"reseller|churn|arr|mrr|nps|cac|ltv|csm|trial|onboard\w*|zendesk|ticket|tickets|escalat\w*|"
    r"support|sla|",
    # finance
    r"invoice|invoices|expense|expenses|expens\w+|reimburs\w*|budget|cost center|gl code|po|"
    r"purchase|requisition|netsuite|xero|quickbooks|payroll|tax|taxes|withholding|revenue|"
    r"forecast|accrual|audit|exchange rate|corporate card|mileage|receipt|refund|refunds|billing|"
    r"payment|payments|subscription|subscriptions|spend|vendor|vendors|procurement|w-9|"
    r"cost|costs|quarter close|month end|per diem|",
    # people and policy
    r"pto|leave|parental|benefits|insur\w*|401k|pension|bonus|bonuses|equity|stock options|"
    r"salary|pay|promo packet|promotion|performance|pip|offer letter|offboard\w*|"
    r"background check|visa|sponsorship|hiring|candidate|candidates|interview|greenhouse|workday|"
    r"bamboohr|policy|policies|handbook|referral|contractor|contractors|headcount|okrs?|"
    r"vacation days|learning budget|training|relocation|remote|",
    # operations and tools
    r"process|procedure|sops?|compliance|gdpr|soc ?2|iso|security|questionnaire|retention|"
    r"approval|approve|approved|access|permission|permissions|admin|account|accounts|"
    r"template|templates|doc|docs|documentation|deck|slides|roadmap|zoom|1password|"
    r"calendar|shared drive|inbox|email|allowlist|status page|inventory|shipping|returns|"
    r"audit log|quota|osha|regulation|regulations|permit|permits|inspection|inspections|",
    # legal, marketing and planning
    r"legal|lawyer|counsel|trademark|trademarks|patent|license|licence|licensing|licensed|"
    r"subprocessors?|sow|rate card|kpi|kpis|press|journalist|media|campaign|campaigns|webinar|"
    r"seo|utm|attribution|newsletter|ads|payday|paycheck|payslip|stipend|calibration|"
    r"review cycle|forecast\w*|plan|planning|roadmap|"
    # a trading desk's and its middle office's: trades, their settlement and the fund's books
    r"trade|trades|trading|settlement|settlements|custodian|broker|brokers|recon|recons|"
    r"reconciliation|nav|margin call|collateral|isin|cusip|ssi|ssis|fx|repo|swift|bloomberg|"
    r"bbg|oms|blotter|counterparty|isda|csa|corporate action|coupon|accrued|"
    # a design practice's: its models, drawings, and the codes and permits they answer to
    r"revit|autocad|cad|bim|rhino|grasshopper|sketchup|drawings?|elevations?|floor plans?|"
    r"permit|permits|permitting|building code|egress|occupancy|zoning|setbacks?|fire rating|"
    r"sprinklered|rfi|rfis|submittals?|as-builts?|"
    # a newsroom's: what it prints and what the law lets it print
    r"headline|headlines|byline|bylines|lede|dateline|obit|obituary|libel|"
    r"defamation|defamatory|embargo|embargoed|court filing|court filings|affidavit|foia|juror|"
    r"jurors|copyright|"
    # a port's, a warehouse's and a carrier's: boxes, the machines that move them, what they carry
    # and the rules for dangerous goods
    r"container|containers|crane|cranes|vessel|vessels|cargo|freight|shipment|shipments|pallet|"
    r"pallets|reefer|reefers|customs|hazmat|imdg|dangerous goods|lashing|"
    r"berth|stowage|bill of lading|manifest|segregation",
)
# a reading in a unit of engineering (`discharge at 210 psi`, `runs at 1200 rpm`, `9°C`): a
# machine's or a process's; not an amount of stock (`15 ml tubes`) or a distance run
_READING = (
    r"\d+(?:[.,]\d+)? ?(?:psi|kpa|mpa|rpm|hz|khz|mhz|ghz|kw|kwh|kva|vac|vdc|volts?|amps?|ohms?|"
    r"ppm|ms|fps|°f|°c|degf|degc|cfm|gpm)"
)
WORK_WORDS = phrases(*(word for word in "|".join(_WORK).split("|") if word), _READING)
