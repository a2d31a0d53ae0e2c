/**
 * The words of the pages that are not generated from one service (home, the services directory, the builder), in
 * one place: the Astro pages render them and their Markdown twins (markdown.ts) print them, so the two say the same.
 */
import { guidePath, href, servicesPath } from './paths.ts';

export const homeText = {
  title: 'Connector Help',
  heading: 'Connect to any service, with a connection string that works',
  description:
    'Connect to SaaS services through the API data provider: authentication steps, valid example connection strings, a builder and validator, and every connection property.',
  lead: 'Help for the API data provider: for each service, how to sign in, where each value comes from in the service’s console, example connection strings we check on every build, and every connection property with its type, default and allowed values.',
  /** The three ways in, under the lead. */
  quickLinks: () => [
    { href: href('builder/'), title: 'Build or check a connection string', text: 'Fill in a service’s fields, or paste a string and see what is wrong. Nothing leaves your browser.' },
    { href: href('reference/'), title: 'Connection properties reference', text: 'Every property with its type, default, allowed values and where it goes.' },
    { href: guidePath('connection-strings'), title: 'How connection strings work', text: 'Quoting, ProfileSettings, and the mistakes the validator catches.' },
  ],
  servicesHeading: 'Services',
} as const;

export const servicesText = {
  title: 'All services',
  description: 'Every service the API data provider connects to, by name and by how it signs in: API key or token, OAuth, or user name and password.',
  lead: (total: number) => `${total} services. Find one by name, or by how it signs in.`,
  path: servicesPath,
} as const;

export const builderText = {
  title: 'Connection-string builder',
  description: 'Build a connection string for any service from its metadata, or paste one and get precise diagnostics. Nothing you type leaves your browser.',
  lead: 'Pick a service and an authentication method, fill in the fields, and copy a correctly quoted connection string. Or paste a string you already have to see what is wrong with it. Nothing you type leaves this page: secrets are never stored, sent or put in the share link.',
} as const;
