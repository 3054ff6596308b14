/** English words of generated demo data (see phrases.ts). */
import type { Phrases } from './phrases.js';

export const EN: Phrases = {
  topics: {
    'digital-literacy': {
      titles: ['Getting started online: everyday digital skills', 'Digital literacy for community trainers'],
      summary: 'Use a smartphone and a computer with confidence: browsing, e-mail, online forms and staying safe.',
      need: 'Basic digital skills for rural community members',
    },
    'digital-skills-for-work': {
      titles: ['Digital skills for the modern workplace', 'Spreadsheets and data for small business staff'],
      summary: 'Productivity tools, collaboration online and the digital skills employers ask for most.',
      need: 'Job-ready digital skills for unemployed youth',
    },
    'digital-education-edtech': {
      titles: ['Teaching with digital tools in low-connectivity schools', 'Designing blended courses for teacher training colleges'],
      summary: 'Plan lessons with offline-first learning platforms and open educational resources.',
      need: 'Teacher training on digital tools for connected schools',
    },
    'digital-inclusion-gender': {
      titles: ['Closing the gender digital divide: policy toolkit', 'Women in tech leadership programme'],
      summary: 'Measure and close the gaps in access and use between women and men, rural and urban users.',
      need: 'Digital skills programme for women entrepreneurs',
    },
    'accessibility-ict': {
      titles: ['ICT accessibility for public websites', 'Assistive technology in schools and libraries'],
      summary: 'Apply accessibility standards so that persons with disabilities can use digital public services.',
      need: 'Making government websites accessible',
    },
    'broadband-policy-regulation': {
      titles: ['National broadband plans: from targets to delivery', 'Universal service funds that work'],
      summary: 'Design broadband policy, licensing and universal service funds that bring affordable access to all.',
      need: 'Support to draft the national broadband plan',
    },
    'spectrum-management': {
      titles: ['Spectrum monitoring and enforcement', 'Spectrum pricing and auctions for regulators'],
      summary: 'Plan, assign and monitor radio spectrum, and coordinate satellite networks.',
      need: 'Spectrum monitoring training for the regulator',
    },
    'emerging-tech-iot-5g': {
      titles: ['5G deployment strategies for developing markets', 'Internet of things for smart agriculture'],
      summary: 'Understand 5G, IoT and satellite networks and plan their deployment.',
      need: 'Guidance on a national 5G roadmap',
    },
    cybersecurity: {
      titles: ['Cybersecurity incident response for national CIRTs', 'Building a national cybersecurity strategy'],
      summary: 'Set up incident response, write a national cybersecurity strategy and raise cyber hygiene across government.',
      need: 'Establishing a national computer incident response team',
    },
    'data-protection-privacy': {
      titles: ['Data protection law in practice', 'Privacy by design for public sector systems'],
      summary: 'Draft and apply personal-data protection law, and build supervisory authorities.',
      need: 'Training for the new data protection authority',
    },
    'online-safety-child-protection': {
      titles: ['Child online protection for educators and parents', 'Tackling harmful content online'],
      summary: 'Protect children and users online with policy, education and reporting mechanisms.',
      need: 'Child online protection training for teachers',
    },
    'data-governance-statistics': {
      titles: ['ICT statistics and household surveys', 'Open data for public institutions'],
      summary: 'Collect, publish and use ICT statistics and open government data.',
      need: 'Capacity for ICT household surveys at the statistics office',
    },
    'ai-policy-ethics': {
      titles: ['AI policy and governance for decision makers', 'Responsible AI in the public sector'],
      summary: 'Write a national AI strategy and govern the use of AI in government, responsibly and ethically.',
      need: 'Advice on a national artificial intelligence strategy',
    },
    'e-government-digital-public-services': {
      titles: ['Designing digital public services', 'Interoperability for e-government'],
      summary: 'Put public services online around users’ needs and make government systems work together.',
      need: 'Digital transformation of public services',
    },
    'digital-public-infrastructure': {
      titles: ['Digital identity systems: design and safeguards', 'Digital public infrastructure in practice'],
      summary: 'Build digital identity, payments and data exchange as shared public infrastructure with safeguards.',
      need: 'Technical assistance for a digital ID system',
    },
    'digital-financial-services': {
      titles: ['Mobile money and financial inclusion', 'Regulating digital payments'],
      summary: 'Expand mobile money and digital payments safely to reach the unbanked.',
      need: 'Digital financial inclusion training for regulators',
    },
    'e-commerce-trade': {
      titles: ['E-commerce for small businesses', 'Digital trade policy and negotiations'],
      summary: 'Help small firms sell online and prepare negotiators for digital trade rules.',
      need: 'E-commerce skills for small exporters',
    },
    'digital-health': {
      titles: ['Digital health strategies and health information systems', 'Telemedicine for rural clinics'],
      summary: 'Plan digital health, run health information systems and deliver care at a distance.',
      need: 'Health information system training for district staff',
    },
    'climate-green-ict': {
      titles: ['E-waste management for municipalities', 'Green ICT and energy-efficient networks'],
      summary: 'Cut the footprint of networks and devices and manage e-waste safely.',
      need: 'E-waste management policy support',
    },
    'open-source-software': {
      titles: ['Open-source software for government', 'Digital public goods: adopt and contribute'],
      summary: 'Use, build and govern open-source software and digital public goods in the public sector.',
      need: 'Open-source adoption plan for ministries',
    },
  },
  financing: ['Rural connectivity financing', 'Blended finance for last-mile broadband'],
  infrastructure: ['Community network equipment and installation', 'Solar-powered connectivity for rural schools'],
  financingSummary: 'A financing pledge towards universal and meaningful connectivity, open to eligible national programmes.',
  infrastructureSummary: 'An in-kind pledge of equipment and deployment support for unconnected communities.',
  waiver: 'The fee is waived for participants from least developed countries.',
  place: (name) => ` — ${name}`,
  demoOffering: 'Generated demo data: this offering was made up to show the catalogue and is not real.',
  demoNeed: 'Generated demo data: this need was made up to show the catalogue and is not real.',
  needIntro: (country, people) => `${country} is looking for support for about ${people} people.`,
  delivery: (hours) => `About ${hours} hours of learning.`,
};
