#!/bin/bash
# Experiment (not shipped): leave-one-set-out runs of the answer tagger + position model at several thresholds.
# leave-one-set-out: train tagger+position without set X, score X at several thresholds
cd /work/main
for set in expert project syn _blind _blind2; do
  lo=$set; [ "$set" = syn ] && lo=""
  [ -f /tmp/lo_tag_$set.npz ] || python scripts/train_answer_tagger.py --leave-out "$lo" --out /tmp/lo_tag_$set.npz 2>/dev/null
  [ -f /tmp/lo_pos_$set.npz ] || python scripts/train_position_model.py --leave-out "$lo" --out /tmp/lo_pos_$set.npz 2>/dev/null
  case $set in
    expert) args="";;
    project) args="--keys tests/fixtures/project_keys";;
    syn) args="--keys tests/fixtures/synthetic_keys --docs tests/fixtures/synthetic_contracts";;
    *) args="--keys tests/fixtures/synthetic_keys$set --docs tests/fixtures/synthetic_contracts$set";;
  esac
  for thr in 0.5 0.6 0.7; do
    python - <<PY
import numpy as np
z=dict(np.load("/tmp/lo_pos_$set.npz")); z["thresholds"]=np.full(len(z["thresholds"]), $thr, dtype=np.float32); np.savez_compressed("/tmp/lo_pos_${set}_t.npz", **z)
PY
    r=$(TERMGUARD_ANSWER_MODEL=/tmp/lo_tag_$set.npz TERMGUARD_POSITION_MODEL=/tmp/lo_pos_${set}_t.npz python scripts/answers_check.py $args | tail -1)
    echo "$set thr=$thr $r"
  done
done
