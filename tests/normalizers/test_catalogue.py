"""The indicator matcher on its labelled set (tests/data/indicator_labels.csv): seed spellings,
spellings written the way other kecamatan write them, and near misses that must not take an id."""
import csv
import os

from lkj.normalizers.catalogue import ACCEPT, REVIEW, fold_indicator, match_indicator

LABELS = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "indicator_labels.csv")


def evaluate(accept=ACCEPT, review=REVIEW):
    with open(LABELS, newline="", encoding="utf-8") as fh:
        labels = list(csv.DictReader(fh))
    tp = fp = fn = 0
    for lab in labels:
        got = match_indicator(lab["text"], accept, review).id
        if got and got == lab["expected_id"]:
            tp += 1
        elif got:
            fp += 1                 # a wrong id, or an id for a near miss
        elif lab["expected_id"]:
            fn += 1
    return tp / max(1, tp + fp), tp / max(1, tp + fn), len(labels)


def test_matcher_precision_recall():
    precision, recall, n = evaluate()
    assert n >= 60
    assert precision == 1.0
    assert recall >= 0.95


def test_cutoffs_are_where_the_labelled_set_puts_them():
    # one point lower on the accept cut-off than any near miss scores, the matcher stays exact;
    # far lower it takes ids it must not
    assert evaluate(accept=80.0)[0] == 1.0
    assert evaluate(accept=60.0, review=50.0)[0] < 1.0


def test_near_misses_and_spellings():
    rkp = match_indicator("Prosentase Desa yang menetapkan RKP Desa tepat waktu")
    apb = match_indicator("Persentase Desa yang menetapkan APBDes Tepat Waktu")
    assert rkp.id and apb.id and rkp.id != apb.id
    assert match_indicator("Persentase Desa yang menetapkan APBDes Perubahan Tepat Waktu").id is None
    assert fold_indicator("Presentase Fasilitas kegiatan") == fold_indicator("Persentasi Fasilitasi kegiatan")
    review = match_indicator("Indeks Pelayanan Publik Kecamatan")
    assert review.status == "review" and review.candidates[0][1] == "Indeks Pelayanan Publik"


def test_review_queue_written(seeds_run):
    rows = [r for r in seeds_run["rows"] if r["indikator"]]
    assert sum(1 for r in rows if r["indikator_id"]) / len(rows) > 0.98
    assert os.path.exists(os.path.join(seeds_run["dir"], "review.csv"))
