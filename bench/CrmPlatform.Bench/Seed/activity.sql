-- The timeline's summary per customer, as each recorded entry keeps it (ADR 0017).
INSERT INTO customers.customer_activity (customer_id, last_interaction_at, last_contacted_at, last_visited_at)
SELECT customer_id, max(occurred_at),
  max(occurred_at) FILTER (WHERE kind IN ('Meeting', 'Visit') OR (kind = 'Call' AND outcome = 'Reached')),
  max(occurred_at) FILTER (WHERE kind IN ('Meeting', 'Visit'))
FROM customers.interactions
GROUP BY customer_id
ON CONFLICT (customer_id) DO NOTHING;
