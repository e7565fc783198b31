#!/usr/bin/env bash
# Offline evaluation of the recommender's model (issue 14): leave-last-out on a log of
# `user item [timestamp]` lines, Recall@10, NDCG@10, coverage@10 and training time of the
# model (the service's own training code, run from its jar) against popularity.
# Not part of `verify`. Figures: docs/benchmarks.md.
#
#   tests/bench/recommender/eval.sh [FILE] [factors iterations regularization alpha]
#
# Without FILE (or with FILE "-") it generates the synthetic set the figures were measured on
# (30,000 users, 24,000 items, ~300,000 interactions; power-law popularity, taste groups) into
# /tmp/mercato-reco/synthetic.txt. Heap 1 GiB (RECO_HEAP to change); BENCH_NO_BUILD=1 skips
# building the jar. Third-party data sets stay outside the repository: pass their path.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$ROOT"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
JAR=services/recommender/target/recommender.jar
if [[ -z ${BENCH_NO_BUILD:-} ]]; then
	./mvnw -B -q package -DskipTests -Djacoco.skip=true -pl services/recommender -am
fi
# the jar's own classes and libraries, started at another main class than the service's
run() {
	java "-Xmx${RECO_HEAP:-1g}" -cp "$JAR" -Dloader.main="$1" org.springframework.boot.loader.launch.PropertiesLauncher "${@:2}"
}
FILE="${1:--}"
if [[ $FILE == - ]]; then
	mkdir -p /tmp/mercato-reco
	FILE=/tmp/mercato-reco/synthetic.txt
	[[ -f $FILE ]] || run dev.mercato.recommender.evaluation.SyntheticInteractions "$FILE" 30000 24000 300000 1
fi
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) at start"
run dev.mercato.recommender.evaluation.OfflineEvaluation "$FILE" "${@:2}"
echo "machine: load $(cut -d' ' -f1-3 /proc/loadavg) at the end"
