"""Words the corpus generator draws from: organisations, places, promises, bodies.

Plain tables, no logic. Every clean phrase here must pass the recommended rules: no hedges
("as soon as possible"), no obsolete channels, no channel words in prose that a charter may lack.
"""

from __future__ import annotations

PLACES = (
    "Riverside", "Northdale", "Harbourside", "Westmoor", "Eastbrook", "Kingsfield", "Ashford Vale",
    "Highcliff", "Lakeland", "Meadowbank", "Stonebridge", "Southport Bay", "Greystone", "Oakhurst",
    "Fernhill", "Brightwater", "Coldharbour", "Millbrook", "Redcliffe", "Thornbury",
)

SECTOR_NOUNS = {
    "utility": ("Water", "Energy", "Gas", "Power Networks"),
    "local_government": ("District Council", "City Council", "Borough Council"),
    "government": ("Tax Office", "Licensing Agency", "Benefits Service"),
    "telecom": ("Broadband", "Mobile", "Telecom"),
    "bank": ("Building Society", "Bank", "Credit Union"),
    "insurance": ("Insurance", "Mutual Assurance"),
    "retail": ("Home Stores", "Outfitters", "Grocers"),
    "saas": ("Cloud", "Software", "Payroll Online"),
    "healthcare": ("Health Trust", "Dental Group", "Clinics"),
    "education": ("College", "University", "Schools Trust"),
    "other": ("Housing Association", "Rail", "Post"),
}

# jurisdiction, language, timezone, currency symbol, domain suffix
REGIONS = (
    ("GB", "en-GB", "Europe/London", "£", "co.example"),
    ("GB-ENG", "en-GB", "Europe/London", "£", "org.example"),
    ("GB-WLS", "cy", "Europe/London", "£", "cymru.example"),
    ("IE", "en-IE", "Europe/Dublin", "€", "ie.example"),
    ("AU", "en-AU", "Australia/Sydney", "$", "com.au.example"),
    ("NZ", "en-NZ", "Pacific/Auckland", "$", "nz.example"),
    ("CA", "en-CA", "America/Toronto", "$", "ca.example"),
    ("US-CA", "en-US", "America/Los_Angeles", "$", "com.example"),
    ("ZA", "en-ZA", "Africa/Johannesburg", "R", "za.example"),
)

EXTERNAL_BODIES = {
    "utility": (("Consumer Council for Water", "independent_reviewer"), ("Energy Ombudsman", "ombudsman")),
    "local_government": (("Local Government and Social Care Ombudsman", "ombudsman"),),
    "government": (("Parliamentary and Health Service Ombudsman", "ombudsman"), ("Adjudicator's Office", "independent_reviewer")),
    "telecom": (("Communications Ombudsman", "ombudsman"), ("CISAS", "adr")),
    "bank": (("Financial Ombudsman Service", "ombudsman"),),
    "insurance": (("Financial Ombudsman Service", "ombudsman"),),
    "retail": (("Retail Ombudsman", "adr"), ("Trading Standards", "regulator")),
    "saas": (("Independent Dispute Resolution Service", "adr"),),
    "healthcare": (("Health Service Ombudsman", "ombudsman"), ("Care Quality Commission", "regulator")),
    "education": (("Office of the Independent Adjudicator", "independent_reviewer"),),
    "other": (("Housing Ombudsman", "ombudsman"), ("Rail Ombudsman", "ombudsman")),
}

VALUES = (
    "Listen, then act", "Own the outcome", "Keep customers informed", "Treat everyone with respect",
    "Get it right first time", "Be open about what we can and cannot do", "Fair", "Friendly",
    "Put things right", "Make it simple", "Be accountable", "Keep our word",
)

VISIONS = (
    "Safe, reliable service for every home and business in the {place} region.",
    "A service every customer in {place} would recommend to a friend.",
    "Simple, fair and friendly help for every member, whoever and wherever they are.",
    "Services that are easy to reach, fair and good value for every resident.",
)

MISSIONS = (
    "We serve {customers} customers across {place} and the surrounding area, and we put things "
    "right first time when something goes wrong. We publish what we promise, measure how we do "
    "and tell you when we fall short.",
    "We look after {customers} customers. Whatever channel you choose, the same people, the same "
    "promises and the same records stand behind it, so you never have to repeat yourself or start "
    "again somewhere else.",
    "We deliver local services to {customers} people. We answer quickly, explain our decisions in "
    "plain words and take ownership of every request until it is settled.",
)

CHANNEL_STATEMENTS = (
    "Contact us on the channel that suits you. Every channel carries the same promises, and you "
    "never have to switch channel to get an answer, complain or escalate.",
    "Use whichever way of reaching us suits you best; we keep one record of your contact, so you "
    "can start on one channel and finish on another without repeating yourself.",
    "Every channel we offer has a published standard, and a person follows up anything our "
    "automated services cannot settle.",
)

STATEMENTS = (
    "You can expect a clear bill that is explained to you if you ask.",
    "You can join our priority services register if you need extra help.",
    "If we miss one of our guaranteed standards, we pay you automatically within 10 working days.",
    "You can ask for any letter or form in large print, braille or another language.",
    "You can bring someone with you to speak on your behalf.",
    "You can ask us for a copy of the information we hold about you.",
    "We will tell you the name of the person handling your request.",
)

DISPUTE_PROCESSES = (
    "If you disagree with a bill, a charge or a repair, a senior adviser reviews the decision, "
    "explains it in writing and tells you how to take it further.",
    "If you disagree with a decision, ask for it to be looked at again by a manager who was not "
    "involved in the original decision.",
)

AFTER_PURCHASE = (
    "Products and installations we supply are covered against faulty materials and workmanship; "
    "report a fault on any channel.",
    "Your subscription includes support for the life of the contract, and we fix faults in the "
    "service at no extra cost.",
)

TRAINING = (
    "Every adviser completes a six-week induction and yearly refresher training on vulnerability, "
    "accessibility and complaint handling.",
    "All staff complete customer care and equality training when they join and every two years.",
)

ACCOUNTABILITY = (
    "The adviser who takes your contact owns it until it is settled, and tells you their name and "
    "how to reach them again.",
    "The officer who takes your request is responsible for it until it is completed or passed on "
    "with your agreement.",
)

ACCREDITATIONS = (
    "Customer Service Excellence", "ServiceMark", "Investors in People", "ISO 10002",
    "Institute of Customer Service member", "Disability Confident employer",
)

MEASURED_BY = (
    "Call and contact-centre system data", "Independent customer satisfaction survey",
    "Independent mystery shopping", "Case management system reports", "Regulator survey results",
)

CHANGE_SUMMARIES = (
    "Added WhatsApp and the virtual assistant", "Moved to working days throughout",
    "Added British Sign Language video relay", "Published quarterly performance results",
    "Shortened email response time", "Added a second escalation stage", "Annual review with changes",
    "New opening hours for the contact centre", "Added accessibility provisions to every channel",
)

HOLIDAY_TEXTS = (
    "public holidays", "public holidays, and 27 to 31 December", "national and regional public holidays",
)

HEDGES = (
    "as soon as possible", "as quickly as possible", "promptly", "in a timely manner",
    "do our best", "where possible", "within a reasonable time", "shortly", "as quickly as we can",
)

SELF_SERVICE = (
    ("help-centre", "knowledge_base", "Help centre", "Answers to common questions about bills, accounts and services."),
    ("my-account", "online_account", "My account", "Pay a bill, update your details or tell us you are moving, at any time."),
    ("mobile-app", "app", "Our app", "Check your balance, report a problem and follow its progress."),
    ("payments-line", "ivr", "Automated payments line", "Pay by phone at any time without waiting for an adviser."),
    ("community", "community", "Customer community", "Ask other customers and our moderators for tips and answers."),
    ("service-status", "portal", "Service status", "See planned work and known problems in your area."),
)

STAGE_NAMES = (  # in escalation order
    "Team leader review", "Complaints team review", "Head of Customer Relations review",
    "Independent internal reviewer", "Chief executive's review",
)
