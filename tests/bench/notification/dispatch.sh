#!/usr/bin/env bash
# Notification dispatcher throughput: N order.shipped emails queued at once (rows inserted
# directly, held back, then made due together) for one user, timed until all are SENT through
# the platform's SMTP server (GreenMail). Needs a running platform with the smtp and
# notification components, e.g. (only those two, an isolated platform):
#   mkdir /tmp/c && cp deploy/local/components/{05-smtp,50-notification}.env /tmp/c
#   MERCATO_COMPONENTS_DIR=/tmp/c MERCATO_RUN_DIR=/tmp/mercato-nb MERCATO_PORT_OFFSET=22000 \
#     MERCATO_DB_PREFIX=nb_ MERCATO_RABBIT_VHOST=mercato-nb ./mercato up --no-build --no-demo-data
#   tests/bench/notification/dispatch.sh 1000 nb_notification
#   (same variables) ./mercato down --purge
# Usage: dispatch.sh N DATABASE
set -euo pipefail
N=${1:-1000}; DB=${2:-notification_notification}
PSQL="psql -h 127.0.0.1 -U postgres -d $DB -qtAX"
U=$(cat /proc/sys/kernel/random/uuid)
$PSQL -c "insert into recipients (user_id, email, first_name, roles) values ('$U', 'bench-$U@example.com', 'Ben', '{CUSTOMER}')"
MODEL='{"orderId":"00000000-0000-4000-8000-000000000001","orderNumber":"00000000","orderUrl":"https://shop.test/orders/1","total":"1.00 USD","carrier":"DHL","trackingNumber":"T1","shippedAt":""}'
$PSQL -c "insert into notifications (id, event_id, event_key, channel, user_id, model, status, next_attempt_at)
  select gen_random_uuid(), gen_random_uuid(), 'order.shipped', 'EMAIL', '$U', '$MODEL', 'PENDING', now() + interval '1 hour' from generate_series(1, $N)"
start=$(date +%s.%N)
$PSQL -c "update notifications set next_attempt_at = now() where user_id = '$U'"
while [[ $($PSQL -c "select count(*) from notifications where user_id = '$U' and status = 'SENT'") -lt $N ]]; do sleep 0.2; done
end=$(date +%s.%N)
echo "$N emails sent in $(echo "$end - $start" | bc) s: $(echo "scale=1; $N / ($end - $start)" | bc) emails/s"
