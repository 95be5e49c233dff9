import type { MetricDefinition } from '../definition.ts';

/** Customer lifetime value: Expected gross profit per customer over their lifetime. */
export const clv = {
  id: 'clv',
  label: 'Customer lifetime value',
  description: 'Expected gross profit per customer over their lifetime.',
  unit: 'money',
  kind: 'derived',
  formula:
    'average MRR per customer x gross margin / monthly churn rate; observed lifetime revenue per customer x gross margin when nobody churned',
  counts:
    'MRR of subscriptions active at period end (workspace currency) per customer active at period end; monthly churn = churn rate / months in the period. With no churn in the period the formula has no finite value, so the observed revenue to date per customer (subscription MRR x months active) x gross margin is used instead.',
  parts: {
    // Subscription revenue is summed over subscriptions (one grouped pass), the customer counts over customers.
    mrr: {
      source: 'customer_subscriptions',
      aggregate: {
        fn: 'sum',
        column: 'mrr_at_end',
        where: [
          {
            column: 'active_at_end',
            op: 'is_true',
          },
        ],
      },
    },
    customers_at_end: {
      source: 'customers',
      aggregate: {
        fn: 'count',
        where: [
          {
            column: 'active_at_end',
            op: 'is_true',
          },
        ],
      },
    },
    churned: {
      source: 'customers',
      aggregate: {
        fn: 'count',
        where: [
          {
            column: 'active_at_start',
            op: 'is_true',
          },
          {
            column: 'ended_in_period',
            op: 'is_true',
          },
        ],
      },
    },
    active_at_start: {
      source: 'customers',
      aggregate: {
        fn: 'count',
        where: [
          {
            column: 'active_at_start',
            op: 'is_true',
          },
        ],
      },
    },
    lifetime_revenue: {
      source: 'customer_subscriptions',
      aggregate: {
        fn: 'sum',
        column: 'lifetime_revenue',
      },
    },
    customers_seen: {
      source: 'customers',
      aggregate: {
        fn: 'count',
      },
    },
  },
  additive: false,
  indicator: 'lagging',
  focus: 'effectiveness',
  direction: 'higher',
  derivation: 'customer_lifetime_value',
} satisfies MetricDefinition;
