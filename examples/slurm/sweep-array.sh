#!/usr/bin/env bash
# A Marginfall sweep as a Slurm job array: each array task runs one shard of the sweep on one node,
# using all the cores Slurm gives it; a last job, started when every task has succeeded, merges the
# shards into the files an unsharded sweep writes.
#
#   sbatch examples/slurm/sweep-array.sh examples/sweep-maintenance-margin.yaml results/mm
#
# The shard is taken from SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_MIN and SLURM_ARRAY_TASK_COUNT, so
# the array must be contiguous (e.g. --array=0-7). A task that is killed (time limit, preemption)
# can be run again with the same command: --resume keeps its finished runs.
#
#SBATCH --job-name=marginfall-sweep
#SBATCH --array=0-7
#SBATCH --nodes=1
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=16
#SBATCH --mem=16G
#SBATCH --time=02:00:00
#SBATCH --output=slurm-%A_%a.out
set -euo pipefail

sweep="${1:?usage: sbatch sweep-array.sh SWEEP.yaml OUT_PREFIX}"
prefix="${2:?usage: sbatch sweep-array.sh SWEEP.yaml OUT_PREFIX}"
jar="${MARGINFALL_JAR:-experiments/target/marginfall.jar}"   # build it once before submitting: bin/marginfall --version
java_opts="${JAVA_OPTS:--Xmx12g}"

shard_dir="${prefix}/shard-${SLURM_ARRAY_TASK_ID}"
mkdir -p "${prefix}"

# --resume also starts a fresh shard when the directory does not exist yet.
# Exit code 3 means the shard finished but some runs failed inside the model: they are rows of
# runs.csv with their reason, not a failed task, so the merge still runs.
rc=0
java ${java_opts} -jar "${jar}" sweep "${sweep}" --out "${shard_dir}" \
  --threads "${SLURM_CPUS_PER_TASK:-1}" --resume || rc=$?
if [ "${rc}" -ne 0 ] && [ "${rc}" -ne 3 ]; then
  exit "${rc}"
fi

# The task with the lowest id submits the merge once, to run after every task of the array succeeded.
if [ "${SLURM_ARRAY_TASK_ID}" = "${SLURM_ARRAY_TASK_MIN:-0}" ]; then
  sbatch --dependency="afterok:${SLURM_ARRAY_JOB_ID}" --job-name=marginfall-merge --ntasks=1 \
    --cpus-per-task=1 --mem=4G --time=00:30:00 --output="slurm-%j-merge.out" \
    --wrap="java ${java_opts} -jar '${jar}' merge ${prefix}/shard-* --out '${prefix}/merged' --force"
fi
