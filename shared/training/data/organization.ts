/** Contoso's departments, offices and partners: the fabric the generated people are cut from. */

/** A department: its OU, its job titles and the sub-teams HR records in extensionAttribute2. */
export interface Department {
  readonly name: string
  readonly titles: readonly string[]
  readonly hrTeams: readonly string[]
}

/** An office and everything its address, phone numbers and locale derive from. */
export interface Office {
  readonly name: string
  readonly street: string
  readonly postalCode: string
  readonly city: string
  readonly state: string
  /** ISO 3166 two-letter code (AD `c`). */
  readonly countryLetters: string
  /** Country name (AD `co`). */
  readonly country: string
  /** ISO 3166 numeric code (AD `countryCode`). */
  readonly countryNumber: number
  /** Phone prefix; four digits are appended. */
  readonly phonePrefix: string
  readonly mobilePrefix: string
  /** A mobile number as people type it locally, without the country code. */
  readonly localMobilePrefix: string
  readonly language: string
}

/** A partner company whose people appear as mail contacts. */
export interface Partner {
  readonly company: string
  readonly domain: string
}

const SALES: Department = {
  name: 'Sales',
  titles: ['Account Executive', 'Sales Representative', 'Key Account Manager', 'Sales Analyst'],
  hrTeams: ['Inside Sales', 'Field Sales'],
}

/** The departments, each with an OU under OU=Users,OU=Corp. */
export const DEPARTMENTS: readonly Department[] = [
  SALES,
  {
    name: 'Marketing',
    titles: ['Marketing Specialist', 'Content Writer', 'Brand Manager', 'Digital Marketing Analyst'],
    hrTeams: ['Brand', 'Digital Marketing'],
  },
  {
    name: 'Finance',
    titles: ['Accountant', 'Financial Analyst', 'Payroll Specialist', 'Financial Controller'],
    hrTeams: ['Accounts Payable', 'Payroll'],
  },
  {
    name: 'Human Resources',
    titles: ['HR Generalist', 'Recruiter', 'HR Business Partner'],
    hrTeams: ['Talent Acquisition', 'People Operations'],
  },
  {
    name: 'IT',
    titles: ['Systems Administrator', 'Service Desk Analyst', 'Network Engineer', 'Identity Engineer'],
    hrTeams: ['Service Desk', 'Infrastructure'],
  },
  {
    name: 'Engineering',
    titles: ['Software Engineer', 'Senior Software Engineer', 'QA Engineer', 'Product Manager'],
    hrTeams: ['Platform', 'Mobile Apps'],
  },
  {
    name: 'Operations',
    titles: ['Operations Coordinator', 'Logistics Planner', 'Facilities Manager'],
    hrTeams: ['Logistics', 'Facilities'],
  },
  {
    name: 'Legal',
    titles: ['Legal Counsel', 'Paralegal', 'Compliance Officer'],
    hrTeams: ['Compliance', 'Contracts'],
  },
  {
    name: 'Customer Support',
    titles: ['Support Specialist', 'Support Team Lead', 'Customer Success Manager'],
    hrTeams: ['Tier 1 Support', 'Tier 2 Support'],
  },
  {
    name: 'Research',
    titles: ['Research Scientist', 'Data Scientist', 'Lab Technician'],
    hrTeams: ['Data Science', 'Applied Research'],
  },
]

/** The head office. */
export const HEAD_OFFICE: Office = {
  name: 'Seattle',
  street: '1 Contoso Way',
  postalCode: '98101',
  city: 'Seattle',
  state: 'WA',
  countryLetters: 'US',
  country: 'United States',
  countryNumber: 840,
  phonePrefix: '+1 206 555 ',
  mobilePrefix: '+1 425 555 ',
  localMobilePrefix: '(425) 555-',
  language: 'en-US',
}

/** The offices, the head office first. */
export const OFFICES: readonly Office[] = [
  HEAD_OFFICE,
  {
    name: 'London',
    street: '20 Canal Street',
    postalCode: 'EC2A 4BX',
    city: 'London',
    state: 'England',
    countryLetters: 'GB',
    country: 'United Kingdom',
    countryNumber: 826,
    phonePrefix: '+44 20 7946 ',
    mobilePrefix: '+44 7700 90',
    localMobilePrefix: '07700 90',
    language: 'en-GB',
  },
  {
    name: 'Lisbon',
    street: 'Avenida da Liberdade 110',
    postalCode: '1250-146',
    city: 'Lisboa',
    state: 'Lisboa',
    countryLetters: 'PT',
    country: 'Portugal',
    countryNumber: 620,
    phonePrefix: '+351 21 555 ',
    mobilePrefix: '+351 91 555 ',
    localMobilePrefix: '91 555 ',
    language: 'pt-PT',
  },
  {
    name: 'Munich',
    street: 'Leopoldstraße 40',
    postalCode: '80802',
    city: 'München',
    state: 'Bayern',
    countryLetters: 'DE',
    country: 'Germany',
    countryNumber: 276,
    phonePrefix: '+49 89 5550 ',
    mobilePrefix: '+49 151 5550 ',
    localMobilePrefix: '0151 5550 ',
    language: 'de-DE',
  },
  {
    name: 'Toronto',
    street: '100 King Street West',
    postalCode: 'M5X 1A9',
    city: 'Toronto',
    state: 'ON',
    countryLetters: 'CA',
    country: 'Canada',
    countryNumber: 124,
    phonePrefix: '+1 416 555 ',
    mobilePrefix: '+1 647 555 ',
    localMobilePrefix: '(647) 555-',
    language: 'en-CA',
  },
  {
    name: 'Sydney',
    street: '200 George Street',
    postalCode: '2000',
    city: 'Sydney',
    state: 'NSW',
    countryLetters: 'AU',
    country: 'Australia',
    countryNumber: 36,
    phonePrefix: '+61 2 5550 ',
    mobilePrefix: '+61 491 570 ',
    localMobilePrefix: '0491 570 ',
    language: 'en-AU',
  },
]

/** The department at an index (wrapping around). */
export function departmentAt(index: number): Department {
  return DEPARTMENTS[index % DEPARTMENTS.length] ?? SALES
}

/** The department with this name, or Sales. */
export function departmentNamed(name: string): Department {
  return DEPARTMENTS.find((department) => department.name === name) ?? SALES
}

/** The office with this name, or the head office. */
export function officeNamed(name: string): Office {
  return OFFICES.find((office) => office.name === name) ?? HEAD_OFFICE
}

/** The office name home workers carry; the Contoso clone of User Common keeps their address private. */
export const HOME_OFFICE = 'Home office'

/** Divisions (AD `division`). */
export const DIVISIONS: readonly string[] = ['Retail', 'Wholesale', 'Corporate', 'Online']

/** Companies whose people Contoso keeps as mail contacts. */
export const PARTNERS: readonly Partner[] = [
  { company: 'Fabrikam', domain: 'fabrikam.com' },
  { company: 'Northwind Traders', domain: 'northwindtraders.com' },
  { company: 'Tailspin Toys', domain: 'tailspintoys.com' },
  { company: 'Adventure Works', domain: 'adventure-works.com' },
  { company: 'Wide World Importers', domain: 'wideworldimporters.com' },
  { company: 'Litware', domain: 'litwareinc.com' },
]

/** Free-text descriptions some accounts carry. */
export const DESCRIPTIONS: readonly string[] = [
  'Fixed-term contract until June 2027',
  'Works part time (Mon-Wed)',
  'Shared desk account for the front office',
  'On parental leave until March 2027',
  'Seconded from the Toronto office',
]
