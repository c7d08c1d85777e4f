import { parseProperty } from '../../../domain/catalog/parse';
import { ABSENT, changed, validPropertyDocument, type PathSegment } from './property-document';

const errorsOf = (doc: unknown): string[] => {
  const result = parseProperty(doc);
  return result.ok ? [] : result.errors;
};

const ACCOUNT = 'expected a Stripe connected account id such as acct_1Nv0FGQ9RKHgCVdK';

// The payment section of a property file: each mistake names its path, for whoever edits the file.
const cases: [string, PathSegment[], unknown, string[]][] = [
  ['an unknown policy', ['payment', 'collect'], 'later', ['payment.collect: expected one of full, deposit, guarantee']],
  ['a misspelt field', ['payment', 'colect'], 'deposit', ['payment: unknown field "colect"']],
  ['payment as text', ['payment'], 'deposit', ['payment: expected an object']],
  ['a publishable key for an account', ['payment', 'platform'], { connectedAccountId: 'pk_live_123', applicationFeePercent: 5 }, [`payment.platform.connectedAccountId: ${ACCOUNT}`]],
  ['a fee over 100 %', ['payment', 'platform'], { connectedAccountId: 'acct_1Nv0FGQ9RKHgCVdK', applicationFeePercent: 120 }, ['payment.platform.applicationFeePercent: expected a percentage from 0 to 100']],
  ['a platform without its account', ['payment', 'platform'], { applicationFeePercent: 5 }, [`payment.platform.connectedAccountId: required, ${ACCOUNT}`]],
];

const withPayment = () => ({ ...validPropertyDocument(), payment: { collect: 'deposit' } });

describe('property file: payment settings', () => {
  it.each(cases)('%s', (_name, path, value, expected) => {
    expect(errorsOf(withPayment())).toEqual([]);
    expect(errorsOf(changed(withPayment(), path, value))).toEqual(expected);
  });

  it('defaults to the whole stay up front when the section is absent, and reads a platform account', () => {
    const absent = parseProperty(changed(validPropertyDocument(), ['payment'], ABSENT));
    expect(absent.ok && absent.property.payment).toEqual({ collect: 'full' });
    const platform = parseProperty(changed(validPropertyDocument(), ['payment'], { collect: 'deposit', platform: { connectedAccountId: 'acct_1Nv0FGQ9RKHgCVdK', applicationFeePercent: 4.5 } }));
    expect(platform.ok && platform.property.payment).toEqual({ collect: 'deposit', platform: { connectedAccountId: 'acct_1Nv0FGQ9RKHgCVdK', applicationFeePercent: 4.5 } });
  });
});
