#!/usr/bin/env python3
"""Generate the synthetic sample workspace Datasets/sample2013/.

Everything this script writes is invented data for demonstration and testing:
provincial implementation plans for the 2013 Promotion Plan, their items, the
PSPO's review status, quarterly progress reports, the designated units of
per-unit targets, populations and the reporting rule. It reads the catalog
(Datasets/plan2013) for measures, roles, rules, targets, provinces and
departments, so nothing about the plan is hard-coded here, and it plants a
documented set of flaws for the compliance and attainment checks to find.

Usage: python3 Scripts/generate_sample2013.py [--out Datasets/sample2013]
                                              [--catalog Datasets/plan2013]
                                              [--summary]

Standard library only. The random generator is seeded (random.Random(2013)) and
every output is sorted, so two runs write byte-identical files.
"""

import argparse
import csv
import datetime
import io
import json
import os
import random
import sys

SEED = 2013
YEAR = 2013
PERIODS = ["2013Q1", "2013Q2", "2013Q3", "2013Q4"]
QUARTER_ENDS = [
    datetime.date(2013, 3, 31),
    datetime.date(2013, 6, 30),
    datetime.date(2013, 9, 30),
    datetime.date(2013, 12, 31),
]
REPORT_DUE_DAYS = 15

# Synthetic approximations of year-end 2012 resident population (10,000
# persons), rounded to the nearest hundred thousand from publicly quoted
# figures and then perturbed by up to +/-2 % below: plausible magnitudes for
# weighting, not official statistics.
POPULATION_BASE_10K = {
    "110000": 2070, "120000": 1410, "130000": 7290, "140000": 3610,
    "150000": 2490, "210000": 4390, "220000": 2750, "230000": 3830,
    "310000": 2380, "320000": 7920, "330000": 5480, "340000": 5990,
    "350000": 3750, "360000": 4500, "370000": 9690, "410000": 9410,
    "420000": 5780, "430000": 6640, "440000": 10590, "450000": 4680,
    "460000": 890, "500000": 2950, "510000": 8080, "520000": 3480,
    "530000": 4660, "540000": 310, "610000": 3750, "620000": 2580,
    "630000": 570, "640000": 650, "650000": 2230,
}

# How far each target's national value lands from its number: actual =
# ratio x value (rounded). None = no value reported (no data). A target that
# shares its metric and measure with an earlier one reports nothing of its own:
# the earlier target's series serves both. Per-unit targets are handled by
# PER_UNIT_RATIOS. Targets not listed get 1.0 (just met).
TARGET_RATIOS = {
    "t01": 0.94,   # close: 940 of 1,000
    "t02": 1.062,  # met
    "t03": 0.85,   # 'about 20' with 10 % tolerance: 17 < 18, not met
    "t04": 1.075,  # met
    "t05": 0.41,   # far
    "t06": 1.02,   # met
    "t07": None,   # no data
    "t09": 1.0,    # exactly at the number
    "t10": 1.12,   # met: 56 of 50 in the 10 key provinces
    "t11": 1.15,   # above 'about 20' + 10 %: exceeded
    "t13": 0.67,   # range 3-5: 2, below the range
}

# Per designated unit of a per-unit target over provinces: actual = ratio x
# threshold (rounded). 11 meet (one exactly at the threshold), 3 close, 1 far.
PER_UNIT_RATIOS = [1.6, 1.5, 1.4, 1.3, 1.27, 1.2, 1.17, 1.1, 1.07, 1.03, 1.0, 0.97, 0.93, 0.9, 0.4]

STATUS_RANK = {"not_started": 0, "in_progress": 1, "phased_result": 2, "completed": 3}


# MARK: - Reading the catalog

def read_csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def parse_selector(selector):
    """`col=value;col=value` as a list of pairs."""
    if not selector:
        return []
    return [tuple(part.split("=", 1)) for part in selector.split(";")]


def matches(measure, selector):
    return all(measure[column] == value for column, value in selector)


class Catalog:
    def __init__(self, directory):
        self.directory = directory
        with open(os.path.join(directory, "workspace.json"), encoding="utf-8") as handle:
            self.manifest = json.load(handle)
        self.measures = read_csv(os.path.join(directory, "measures.csv"))
        self.responsibilities = read_csv(os.path.join(directory, "responsibilities.csv"))
        self.targets = read_csv(os.path.join(directory, "targets.csv"))
        self.provinces = read_csv(os.path.join(directory, "provinces.csv"))
        self.departments = {d["department"]: d for d in read_csv(os.path.join(directory, "departments.csv"))}
        self.rules = {r["rule"]: r for r in read_csv(os.path.join(directory, "rules.csv"))}
        self.measure_by_id = {int(m["measure"]): m for m in self.measures}
        self.provincial_rules = [
            r for r in self.rules.values() if r["applies_to"] in ("provincial_offices", "both")
        ]

    def rule_of_kind(self, kind):
        found = sorted(
            (r for r in self.provincial_rules if r["kind"] == kind), key=lambda r: r["rule"]
        )
        if not found:
            sys.exit(f"catalog has no provincial rule of kind '{kind}'")
        return found[0]

    def measures_matching(self, selector):
        return sorted(int(m["measure"]) for m in self.measures if matches(m, selector))

    def leads(self, measure):
        rows = [
            r for r in self.responsibilities
            if int(r["measure"]) == measure and r["role"] == "lead"
        ]
        return [r["department"] for r in sorted(rows, key=lambda r: int(r["position"]))]


# MARK: - Helpers

def iso(day):
    return day.isoformat() if day else ""


def number(value):
    """A float cell: integral values without a fraction, others with one decimal."""
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.1f}"


def split_flow(rng, total):
    """`total` as four non-negative quarterly integers summing to it."""
    weights = [rng.uniform(0.6, 1.4) for _ in PERIODS]
    scale = total / sum(weights)
    parts = [int(w * scale) for w in weights]
    parts[-1] += total - sum(parts)
    return parts


def stock_path(rng, final):
    """Four non-decreasing quarter-end levels ending at `final`."""
    fractions = sorted(rng.uniform(0.25, 0.95) for _ in PERIODS[:-1])
    return [int(round(final * f)) for f in fractions] + [final]


def status_path(rng, timing):
    """A measure's status over the four quarters, consistent with its timing class."""
    draw = rng.random()
    if timing == "completed":
        final = "completed" if draw < 0.8 else "in_progress" if draw < 0.94 else "delayed"
    elif timing == "phased":
        final = (
            "phased_result" if draw < 0.68 else "completed" if draw < 0.8
            else "in_progress" if draw < 0.95 else "delayed"
        )
    else:
        final = "in_progress" if draw < 0.9 else "phased_result" if draw < 0.96 else "delayed"
    start = "not_started" if rng.random() < 0.3 else "in_progress"
    if final == "delayed":
        turn = rng.choice([2, 3])
        return [start] + ["in_progress"] * (turn - 1) + ["delayed"] * (4 - turn)
    reached = rng.choice([2, 3]) if STATUS_RANK[final] >= 2 else 3
    path = []
    for q in range(4):
        if q == 0:
            path.append(start if STATUS_RANK[final] >= 1 else final)
        elif q >= reached:
            path.append(final)
        else:
            path.append("in_progress" if STATUS_RANK[final] >= 1 else final)
    if STATUS_RANK[final] == 3 and reached == 3 and rng.random() < 0.5:
        path[2] = "phased_result"
    return path


def write_csv(path, header, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(buffer.getvalue())


# MARK: - Plans

DEPLOYMENT_AREAS = {
    "municipality": "districts",
    "province": "prefecture-level cities",
    "autonomous_region": "prefectures and prefecture-level cities",
    "xpcc": "divisions",
}

OBJECTIVE_TEMPLATES = [
    "{summary} across {name} in 2013, with a mid-year review",
    "{summary}: complete the provincial work programme for 2013",
    "{summary} in {name}, reporting results to the provincial leading group",
]


def division_of(catalog, measure):
    leads = catalog.leads(measure)
    if not leads:
        return "General Office"
    name = catalog.departments[leads[0]]["name"]
    for suffix in (" of the State Intellectual Property Office", " Department", " Office"):
        name = name.replace(suffix, "")
    return name.replace("&", "and") + " Division"


def make_item(rng, catalog, province, measure):
    m = catalog.measure_by_id[measure]
    start = datetime.date(YEAR, 1, 1) + datetime.timedelta(days=rng.randrange(0, 60))
    if m["timing"] == "completed":
        end = datetime.date(YEAR, rng.choice([6, 9, 11]), 30)
    else:
        end = datetime.date(YEAR, 12, 31)
    leads = catalog.leads(measure)
    needs_approval = m["needs_approval"] == "true"
    area = DEPLOYMENT_AREAS.get(province["kind"], "regions")
    deployment = rng.choice([
        f"pilot in {rng.randint(2, 4)} {area} in the first half, then all {area}",
        f"all {area}, led by the provincial office",
        f"{rng.randint(3, 6)} key {area} first, others from the third quarter",
    ])
    return {
        "province": province["province"],
        "measure": measure,
        "objective": rng.choice(OBJECTIVE_TEMPLATES).format(summary=m["summary"], name=province["name"]),
        "schedule_start": start,
        "schedule_end": end,
        "responsible_unit": f"{province['name']} IP Office, {division_of(catalog, measure)}",
        "funds": round(rng.uniform(8, 180), 1),
        "approval": leads[0] if needs_approval and leads else None,
        "deployment": deployment,
    }


class Sample:
    def __init__(self, catalog, rng):
        self.catalog = catalog
        self.rng = rng
        required_rule = catalog.rule_of_kind("required_measures")
        scope_rule = catalog.rule_of_kind("scope")
        self.min_rule = catalog.rule_of_kind("optional_count_min")
        self.max_rule = catalog.rule_of_kind("optional_count_max")
        approval_rule = catalog.rule_of_kind("approval")
        self.deadline_rule = catalog.rule_of_kind("deadline")
        self.required = catalog.measures_matching(parse_selector(required_rule["selector"]))
        self.optional = catalog.measures_matching(parse_selector(self.min_rule["selector"]))
        local = set(catalog.measures_matching(parse_selector(scope_rule["selector"])))
        self.non_local = sorted(int(m["measure"]) for m in catalog.measures if int(m["measure"]) not in local)
        self.needs_approval_optional = catalog.measures_matching(parse_selector(approval_rule["selector"]))
        self.deadline = datetime.date.fromisoformat(self.deadline_rule["date"])
        inclusive_min = self.min_rule["inclusive"] == "true"
        inclusive_max = self.max_rule["inclusive"] == "true"
        self.optional_min = int(self.min_rule["value"]) + (0 if inclusive_min else 1)
        self.optional_max = int(self.max_rule["value"]) - (0 if inclusive_max else 1)
        self.last_on_time = self.deadline - datetime.timedelta(days=0 if self.deadline_rule["inclusive"] == "true" else 1)
        self.flaws = []  # (reporter, flaw, detail)

    def flaw(self, who, kind, detail, **facts):
        """Records a planted flaw; `facts` (measure, field, period, submitted_on, count)
        let tests assert it without parsing `detail`."""
        self.flaws.append((who, kind, detail, tuple(sorted(facts.items()))))

    def build_plans(self):
        rng = self.rng
        provinces = sorted(self.catalog.provinces, key=lambda p: p["province"])
        codes = [p["province"] for p in provinces]
        chosen = rng.sample(codes, 13)
        plan_flaw_kinds = [
            "plan_not_submitted", "late_plan_on_deadline", "late_plan_with_missing_funds",
            "missing_required_measure", "too_many_optional", "too_few_optional",
            "non_local_measure", "missing_objective_and_schedule", "missing_responsible_unit",
            "missing_approval", "missing_deployment",
        ]
        self.plan_flaw_of = dict(zip(chosen, plan_flaw_kinds))
        report_only = chosen[len(plan_flaw_kinds):]
        self.report_flaw_of = {
            report_only[0]: "reports_missing_q3_q4",
            report_only[1]: "reports_late_q2",
            self._code_with(chosen, "too_many_optional"): "report_missing_q2_one_measure",
            self._code_with(chosen, "non_local_measure"): "reports_one_day_late_q4",
        }
        clean = [c for c in codes if c not in self.plan_flaw_of]
        self.boundary_min = clean[rng.randrange(len(clean))]
        self.boundary_max = rng.choice([c for c in clean if c != self.boundary_min])
        self.resubmitted_clean = rng.choice(
            [c for c in clean if c not in (self.boundary_min, self.boundary_max)])

        self.plans, self.items = [], []
        for province in provinces:
            self._plan_for(province)

    def boundary_cases(self):
        """Clean plans that sit exactly on a rule's edge, so tests can pin the readings."""
        return [
            {"reporter": self.boundary_min, "case": "optional_count_at_min", "count": self.optional_min},
            {"reporter": self.boundary_max, "case": "optional_count_at_max", "count": self.optional_max},
            {"reporter": self.boundary_max, "case": "report_on_due_day", "periods": [PERIODS[0]]},
            {"reporter": self.resubmitted_clean, "case": "resubmitted_now_conforming"},
        ]

    def _code_with(self, chosen, kind):
        return next(code for code in chosen if self.plan_flaw_of.get(code) == kind)

    def _plan_for(self, province):
        rng, code = self.rng, province["province"]
        kind = self.plan_flaw_of.get(code)
        if kind == "plan_not_submitted":
            self.plans.append([code, None, "not_submitted", None, None])
            self.flaw(code, kind, "no plan submitted; no plan items and no progress reports")
            return
        count = rng.randint(max(self.optional_min, 3), min(self.optional_max, 8))
        if code == self.boundary_min:
            count = self.optional_min
        if code == self.boundary_max:
            count = self.optional_max
        if kind == "too_many_optional":
            count = self.optional_max + 2
        if kind == "too_few_optional":
            count = self.optional_min - 1
        if kind == "missing_approval":
            plain = [m for m in self.optional if m not in self.needs_approval_optional]
            optional = sorted(rng.sample(plain, count - 1) + [rng.choice(self.needs_approval_optional)])
        else:
            optional = sorted(rng.sample(self.optional, count))
        required = list(self.required)
        notes = []
        if kind == "missing_required_measure":
            dropped = rng.choice(required)
            required.remove(dropped)
            self.flaw(code, kind, f"required measure {dropped} not in the plan", measure=dropped)
            notes.append(f"required measure {dropped} is missing")
        if kind == "too_many_optional":
            self.flaw(code, kind, f"{count} optional measures (more than {self.max_rule['value']})", count=count)
        if kind == "too_few_optional":
            self.flaw(code, kind, f"{count} optional measure (fewer than {self.min_rule['value']})", count=count)
            notes.append(f"only {count} optional measure")
        measures = sorted(required + optional)
        if kind == "non_local_measure":
            extra = rng.choice(self.non_local)
            measures = sorted(measures + [extra])
            self.flaw(code, kind, f"national-scope measure {extra} listed", measure=extra)
            notes.append(f"measure {extra} is a national measure, not a local one")
        items = [make_item(rng, self.catalog, province, m) for m in measures]
        self._plant_item_flaws(code, kind, items, notes)
        self.items += items
        self.plans.append(self._review(code, kind, notes))

    def _plant_item_flaws(self, code, kind, items, notes):
        rng = self.rng
        if kind == "late_plan_with_missing_funds":
            for item in sorted(rng.sample(items, 2), key=lambda i: i["measure"]):
                item["funds"] = None
                self.flaw(code, "missing_field", f"funds empty for measure {item['measure']}",
                          field="funds", measure=item["measure"])
        if kind == "missing_objective_and_schedule":
            first, second = sorted(rng.sample(items, 2), key=lambda i: i["measure"])
            first["objective"] = None
            second["schedule_start"] = second["schedule_end"] = None
            self.flaw(code, "missing_field", f"objective empty for measure {first['measure']}",
                      field="objective", measure=first["measure"])
            self.flaw(code, "missing_field",
                      f"schedule (schedule_start and schedule_end) empty for measure {second['measure']}",
                      field="schedule", measure=second["measure"])
            notes.append("objective and schedule incomplete")
        if kind == "missing_responsible_unit":
            item = rng.choice(items)
            item["responsible_unit"] = None
            self.flaw(code, "missing_field", f"responsible_unit empty for measure {item['measure']}",
                      field="responsible_unit", measure=item["measure"])
        if kind == "missing_approval":
            item = next(i for i in items if i["measure"] in self.needs_approval_optional)
            item["approval"] = None
            self.flaw(code, kind, f"measure {item['measure']} needs approval; approval empty",
                      field="approval", measure=item["measure"])
        if kind == "missing_deployment":
            for item in items:
                item["deployment"] = None
            self.flaw(code, "missing_field", "deployment empty for every item", field="deployment")
            notes.append("no regional deployment")

    def _review(self, code, kind, notes):
        """The plan row: submission date, the PSPO's status, review date and notes."""
        rng = self.rng
        submitted = self.last_on_time - datetime.timedelta(days=rng.randrange(1, 16))
        reviewed = submitted + datetime.timedelta(days=rng.randrange(4, 11))
        if kind == "late_plan_on_deadline":
            submitted = self.deadline if self.deadline_rule["inclusive"] != "true" else self.deadline + datetime.timedelta(days=1)
            reviewed = submitted + datetime.timedelta(days=6)
            self.flaw(code, "late_plan", f"submitted {iso(submitted)} (deadline: before {self.deadline_rule['date']})",
                      submitted_on=iso(submitted))
            return [code, submitted, "accepted", reviewed, "Received on the deadline day; content conforms."]
        if kind == "late_plan_with_missing_funds":
            submitted = self.last_on_time + datetime.timedelta(days=14)
            self.flaw(code, "late_plan", f"submitted {iso(submitted)} (deadline: before {self.deadline_rule['date']})",
                      submitted_on=iso(submitted))
            return [code, submitted, "submitted", None, None]
        if kind == "too_many_optional":
            return [code, submitted, "accepted", reviewed,
                    "Accepted: more optional measures than the circular's 'in principle' limit, justified by the office."]
        if kind in ("missing_responsible_unit", "missing_approval"):
            return [code, submitted, "submitted", None, None]
        if notes:
            return [code, submitted, "returned", reviewed, "Returned for reformulation: " + "; ".join(notes) + "."]
        if code == self.resubmitted_clean:
            resubmitted = reviewed + datetime.timedelta(days=9)
            return [code, submitted, "resubmitted", reviewed,
                    f"Returned {iso(reviewed)}: funds not stated; resubmitted {iso(resubmitted)} with funds for every item."]
        return [code, submitted, "accepted", reviewed, None]


# MARK: - Progress

def report_day(rng, quarter, late=False, exact=None):
    if exact is not None:
        return QUARTER_ENDS[quarter] + datetime.timedelta(days=exact)
    if late:
        return QUARTER_ENDS[quarter] + datetime.timedelta(days=REPORT_DUE_DAYS + rng.randint(10, 40))
    return QUARTER_ENDS[quarter] + datetime.timedelta(days=rng.randint(1, REPORT_DUE_DAYS - 1))


def build_progress(sample):
    rng, catalog = sample.rng, sample.catalog
    rows = []  # period, reporter, kind, measure, status, metric, value, reported_on
    series = metric_series(sample)
    per_unit = per_unit_series(sample)
    sample.target_units = sorted((t, p) for (t, p) in per_unit["units"])

    # Provinces: every quarter, every measure in their plan.
    by_province = {}
    for item in sample.items:
        by_province.setdefault(item["province"], []).append(item["measure"])
    boundary_on_time = sample.boundary_max
    for code in sorted(by_province):
        flaw = sample.report_flaw_of.get(code)
        measures = sorted(by_province[code])
        skip_measure = rng.choice(measures) if flaw == "report_missing_q2_one_measure" else None
        if flaw == "report_missing_q2_one_measure":
            sample.flaw(code, "missing_report", f"2013Q2 report absent for measure {skip_measure}",
                        periods=["2013Q2"], measure=skip_measure)
        if flaw == "reports_missing_q3_q4":
            sample.flaw(code, "missing_report", "2013Q3 and 2013Q4 reports absent for every measure",
                        periods=["2013Q3", "2013Q4"])
        if flaw == "reports_late_q2":
            sample.flaw(code, "late_report", "every 2013Q2 report filed after the due date (10 to 40 days late)",
                        periods=["2013Q2"])
        if flaw == "reports_one_day_late_q4":
            sample.flaw(code, "late_report", f"every 2013Q4 report filed {REPORT_DUE_DAYS + 1} days after the quarter end (one day late)",
                        periods=["2013Q4"])
        days = []
        for q in range(4):
            if q == 0 and code == boundary_on_time:
                days.append(report_day(rng, q, exact=REPORT_DUE_DAYS))
            elif q == 1 and flaw == "reports_late_q2":
                days.append(report_day(rng, q, late=True))
            elif q == 3 and flaw == "reports_one_day_late_q4":
                days.append(report_day(rng, q, exact=REPORT_DUE_DAYS + 1))
            else:
                days.append(report_day(rng, q))
        for measure in measures:
            timing = catalog.measure_by_id[measure]["timing"]
            path = status_path(rng, timing)
            values = per_unit["values"].get((code, measure), {})
            for q, period in enumerate(PERIODS):
                if flaw == "reports_missing_q3_q4" and q >= 2:
                    continue
                if measure == skip_measure and q == 1:
                    continue
                emit(rows, period, code, "province", measure, path[q], values, q, days[q])

    # Lead departments: every quarter, every measure they lead.
    led = {}
    for m in catalog.measures:
        for department in catalog.leads(int(m["measure"])):
            led.setdefault(department, []).append(int(m["measure"]))
    departments = sorted(led)
    missing_dept = rng.choice(departments)
    late_dept = rng.choice([d for d in departments if d != missing_dept])
    with_values = {key[1] for key in series}
    missing_measure = rng.choice([m for m in sorted(led[missing_dept]) if m not in with_values] or sorted(led[missing_dept]))
    late_measure = rng.choice(sorted(led[late_dept]))
    sample.flaw(missing_dept, "missing_report", f"2013Q4 report absent for measure {missing_measure}",
                periods=["2013Q4"], measure=missing_measure)
    sample.flaw(late_dept, "late_report", f"2013Q3 report for measure {late_measure} filed after the due date",
                periods=["2013Q3"], measure=late_measure)
    for department in departments:
        days = [report_day(rng, q) for q in range(4)]
        for measure in sorted(led[department]):
            timing = catalog.measure_by_id[measure]["timing"]
            path = status_path(rng, timing)
            values = series.get((department, measure), {})
            for q, period in enumerate(PERIODS):
                if department == missing_dept and measure == missing_measure and q == 3:
                    continue
                day = days[q]
                if department == late_dept and measure == late_measure and q == 2:
                    day = report_day(rng, q, late=True)
                emit(rows, period, department, "department", measure, path[q], values, q, day)
    rows.sort(key=lambda r: (r[0], r[2], r[1], r[3], r[5] or ""))
    return rows


def emit(rows, period, reporter, kind, measure, status, values, q, day):
    """One report: a row per metric it carries a value for, or one row without a metric."""
    if values and status == "not_started":
        status = "in_progress"  # a report with values has started
    if not values:
        rows.append([period, reporter, kind, measure, status, None, None, day])
        return
    for metric in sorted(values):
        rows.append([period, reporter, kind, measure, status, metric, values[metric][q], day])


# The measure whose work delivers a task-level target (one with no measure of its
# own): t01's enterprises with IP advantages are fostered under measure 27, t02's
# standard-compliant enterprises cultivated under measure 26.
TASK_TARGET_MEASURES = {"t01": 27, "t02": 26}

# Targets whose series draw from a generator of their own, seeded by the target's
# id, so that adding one to the sample left every other generated value as it was.
# t10 got its own metric (50 enterprises in the 10 key provinces, not a share of
# t01's national 1,000) after the sample was first published.
OWN_GENERATOR_TARGETS = {"t10"}


def target_measure(catalog, target):
    """The measure a target's values are reported under: its own, or for a task-level
    target the one in TASK_TARGET_MEASURES."""
    if target["measure"]:
        return int(target["measure"])
    if target["target"] not in TASK_TARGET_MEASURES:
        sys.exit(f"task-level target {target['target']} has no entry in TASK_TARGET_MEASURES")
    return TASK_TARGET_MEASURES[target["target"]]


def metric_series(sample):
    """National values: (lead department, measure) -> metric -> four quarterly values."""
    rng, catalog = sample.rng, sample.catalog
    series, seen = {}, {}
    sample.target_outcomes = []
    for target in sorted(catalog.targets, key=lambda t: t["target"]):
        if target["comparator"] == "per_unit":
            continue
        measure = target_measure(catalog, target)
        key = (target["metric"], measure)
        if key in seen:
            sample.target_outcomes.append({"target": target["target"], "shares_series_of": seen[key]})
            continue
        ratio = TARGET_RATIOS.get(target["target"], 1.0)
        seen[key] = target["target"]
        if ratio is None:
            sample.target_outcomes.append({"target": target["target"], "actual": None, "note": "no data"})
            continue
        lead = catalog.leads(measure)[0]
        final = int(round(ratio * int(target["value"])))
        draw = random.Random(f"{SEED}/{target['target']}") if target["target"] in OWN_GENERATOR_TARGETS else rng
        values = split_flow(draw, final) if target["flow_or_stock"] == "flow" else stock_path(draw, final)
        series.setdefault((lead, measure), {})[target["metric"]] = values
        sample.target_outcomes.append(outcome(target, lead, measure, values, final))
    return series


def outcome(target, reporter, measure, values, actual):
    """What a target's series comes to: flows sum, stocks take the last quarter."""
    return {
        "target": target["target"], "metric": target["metric"], "measure": measure,
        "reporter": reporter, "flow_or_stock": target["flow_or_stock"],
        "values": values, "actual": actual,
    }


def per_unit_series(sample):
    """Per-unit targets over provinces: designated provinces and their values.

    A per-unit target is over provinces when its unit_count is no more than the
    number of provincial offices and its qualifier names provinces; others (the
    alliances of t12) get no designated units and no values."""
    rng, catalog = sample.rng, sample.catalog
    units, values = [], {}
    for target in sorted(catalog.targets, key=lambda t: t["target"]):
        if target["comparator"] != "per_unit":
            continue
        count = int(target["unit_count"] or 0)
        if "province" not in (target["qualifier"] or "") or count > len(catalog.provinces):
            sample.target_outcomes.append({
                "target": target["target"], "actual": None,
                "note": "no data: its units are not provinces, so none are designated"})
            continue
        measure = target_measure(catalog, target)
        eligible = sorted(
            {i["province"] for i in sample.items if i["measure"] == measure}
            - set(sample.report_flaw_of)
        )
        designated = sorted(rng.sample(eligible, count))
        ratios = list(PER_UNIT_RATIOS[:count]) + [1.0] * max(0, count - len(PER_UNIT_RATIOS))
        rng.shuffle(ratios)
        for province, ratio in zip(designated, ratios):
            units.append((target["target"], province))
            final = int(round(ratio * int(target["value"])))
            flow = split_flow(rng, final) if target["flow_or_stock"] == "flow" else stock_path(rng, final)
            values.setdefault((province, measure), {})[target["metric"]] = flow
            sample.target_outcomes.append(outcome(target, province, measure, flow, final))
    return {"units": units, "values": values}


# MARK: - Manifest

def column(name, type_, nullable, description, enum=None):
    entry = {"name": name, "type": type_, "nullable": nullable}
    if enum:
        entry["enum"] = enum
    entry["description"] = description
    return entry


def fk(columns, references, ref_columns):
    return {"columns": columns, "references": references, "ref_columns": ref_columns}


def synthetic_tables():
    province_fk = fk(["province"], "provinces", ["province"])
    measure_fk = fk(["measure"], "measures", ["measure"])
    return [
        {
            "name": "plans", "file": "plans.csv", "synthetic": True,
            "description": "SYNTHETIC. One implementation plan per provincial office, with the PSPO's review.",
            "key": ["province"],
            "columns": [
                column("province", "string", False, "The office (FK provinces)."),
                column("submitted_on", "date", True, "First submission date; empty = never submitted."),
                column("status", "string", False, "The PSPO's review status (a human judgement, not the checks' result).",
                       ["not_submitted", "submitted", "returned", "resubmitted", "accepted"]),
                column("reviewed_on", "date", True, "Date of the latest review; empty = not reviewed yet."),
                column("reviewer_notes", "string", True, "The reviewer's notes, invented."),
            ],
            "foreign_keys": [province_fk],
        },
        {
            "name": "plan_items", "file": "plan_items.csv", "synthetic": True,
            "description": "SYNTHETIC. The measures each provincial plan includes, with the plan's fields.",
            "key": ["province", "measure"],
            "columns": [
                column("province", "string", False, "The office (FK provinces)."),
                column("measure", "int", False, "The measure (FK measures)."),
                column("objective", "string", True, "The local objective, invented; empty is a planted flaw."),
                column("schedule_start", "date", True, "Planned start."),
                column("schedule_end", "date", True, "Planned end."),
                column("responsible_unit", "string", True, "The local unit in charge, invented."),
                column("funds", "float", True, "Funds guaranteed, 10k CNY, invented."),
                column("approval", "string", True,
                       "The department id that approved, for measures with needs_approval = true (FK departments)."),
                column("deployment", "string", True,
                       "How the measure is deployed across the regions under the province's jurisdiction."),
            ],
            "foreign_keys": [
                province_fk, measure_fk, fk(["province"], "plans", ["province"]),
                fk(["approval"], "departments", ["department"]),
            ],
        },
        {
            "name": "progress", "file": "progress.csv", "synthetic": True,
            "description": "SYNTHETIC. Quarterly progress reports from provinces (on their plan items) and lead departments "
                           "(on the measures they lead). A report is the rows sharing period, reporter and measure: one row "
                           "per metric it reports a value for, or one row with an empty metric.",
            "key": ["period", "reporter", "measure", "metric"],
            "columns": [
                column("period", "string", False, "The quarter.", PERIODS),
                column("reporter", "string", False, "A province code (provinces) or a department id (departments)."),
                column("reporter_kind", "string", False, "Which of the two the reporter is.", ["province", "department"]),
                column("measure", "int", False, "The measure reported on (FK measures)."),
                column("status", "string", False, "The measure's status at the quarter's end.",
                       ["not_started", "in_progress", "phased_result", "completed", "delayed"]),
                column("metric", "string", True, "A metric id of targets.csv when the row reports a value."),
                column("value", "float", True,
                       "The value: the quarter's flow for flow targets, the quarter-end level for stock targets."),
                column("reported_on", "date", False, "When the report was filed."),
            ],
            "foreign_keys": [measure_fk],
        },
        {
            "name": "target_units", "file": "target_units.csv", "synthetic": True,
            "description": "SYNTHETIC. The provinces designated for per-unit targets (the 15 key provinces of t08).",
            "key": ["target", "province"],
            "columns": [
                column("target", "string", False, "The per-unit target (FK targets)."),
                column("province", "string", False, "A designated province (FK provinces)."),
            ],
            "foreign_keys": [fk(["target"], "targets", ["target"]), province_fk],
        },
        {
            "name": "populations", "file": "populations.csv", "synthetic": True,
            "description": "SYNTHETIC approximations of year-end 2012 population for the 31 statistical units, not official statistics.",
            "key": ["province"],
            "columns": [
                column("province", "string", False, "A statistical unit (FK provinces); XPCC absent."),
                column("population_10k", "float", False, "Population in 10,000 persons, synthetic."),
            ],
            "foreign_keys": [province_fk],
        },
        {
            "name": "report_rules", "file": "report_rules.csv", "synthetic": True,
            "description": "SYNTHETIC. The sample's own reporting rules (not from the circular).",
            "key": ["rule"],
            "columns": [
                column("rule", "string", False, "Rule id."),
                column("value", "int", False, "The rule's number."),
                column("text", "string", False, "The rule in words."),
            ],
            "foreign_keys": [],
        },
    ]


def manifest(catalog, out_dir, sample):
    base = catalog.manifest
    relative = os.path.relpath(os.path.abspath(catalog.directory), os.path.abspath(out_dir))
    tables = []
    for entry in base["tables"]:
        copy = dict(entry)
        copy["file"] = relative.replace(os.sep, "/") + "/" + entry["file"]
        copy["synthetic"] = False
        tables.append(copy)
    tables += synthetic_tables()
    expectations = list(base["expectations"]) + [{
        "table": "plans",
        "rows": len(catalog.provinces),
        "source": "seed",
        "source_text": "The intellectual property offices of all provinces, autonomous regions and municipalities directly "
                       "under the Central Government and the Xinjiang Production and Construction Corps",
    }]
    return {
        "name": "sample2013",
        "title": "SYNTHETIC sample: provincial plans and 2013 progress reports under the Promotion Plan 2013",
        "format_version": 1,
        "source": base.get("source"),
        "synthetic": True,
        "notes": "Synthetic sample data for demonstration and testing only. Plans, plan items, progress reports, "
                 "designated units, populations and the reporting rule are invented by Scripts/generate_sample2013.py "
                 f"(random.Random({SEED})); only the catalog tables (../plan2013) come from the source. Flaws are planted "
                 "on purpose and listed in planted_flaws and in Datasets/README.md.",
        "generator": {"script": "Scripts/generate_sample2013.py", "seed": SEED},
        "tables": tables,
        "expectations": expectations,
        "boundary_cases": sample.boundary_cases(),
        "target_outcomes": sorted(
            sample.target_outcomes, key=lambda o: (o["target"], o.get("reporter", ""))),
        "planted_flaws": [
            dict([("reporter", who), ("flaw", kind)] + list(facts) + [("detail", detail)])
            for who, kind, detail, facts in sorted(sample.flaws)
        ],
    }


# MARK: - Main

def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description="Generate the synthetic sample workspace.")
    parser.add_argument("--out", default=os.path.join(root, "Datasets", "sample2013"))
    parser.add_argument("--catalog", default=os.path.join(root, "Datasets", "plan2013"))
    parser.add_argument("--summary", action="store_true", help="print the planted flaws and target outcomes")
    args = parser.parse_args()

    catalog = Catalog(args.catalog)
    sample = Sample(catalog, random.Random(SEED))
    sample.build_plans()
    progress = build_progress(sample)
    os.makedirs(args.out, exist_ok=True)

    write_csv(os.path.join(args.out, "plans.csv"),
              ["province", "submitted_on", "status", "reviewed_on", "reviewer_notes"],
              [[p, iso(s), st, iso(r), n or ""] for p, s, st, r, n in sample.plans])
    write_csv(os.path.join(args.out, "plan_items.csv"),
              ["province", "measure", "objective", "schedule_start", "schedule_end",
               "responsible_unit", "funds", "approval", "deployment"],
              [[i["province"], i["measure"], i["objective"] or "", iso(i["schedule_start"]),
                iso(i["schedule_end"]), i["responsible_unit"] or "", number(i["funds"]),
                i["approval"] or "", i["deployment"] or ""]
               for i in sorted(sample.items, key=lambda i: (i["province"], i["measure"]))])
    write_csv(os.path.join(args.out, "progress.csv"),
              ["period", "reporter", "reporter_kind", "measure", "status", "metric", "value", "reported_on"],
              [[p, r, k, m, s, metric or "", number(v), iso(d)] for p, r, k, m, s, metric, v, d in progress])
    write_csv(os.path.join(args.out, "target_units.csv"), ["target", "province"], sample.target_units)
    rng = sample.rng
    populations = []
    for province in sorted(catalog.provinces, key=lambda p: p["province"]):
        if province["statistical_unit"] != "true":
            continue
        base = POPULATION_BASE_10K[province["province"]]
        populations.append([province["province"], number(round(base * rng.uniform(0.98, 1.02)))])
    write_csv(os.path.join(args.out, "populations.csv"), ["province", "population_10k"], populations)
    write_csv(os.path.join(args.out, "report_rules.csv"), ["rule", "value", "text"], [[
        "report_due_days", REPORT_DUE_DAYS,
        "Synthetic rule of this sample: a quarterly progress report is on time when reported on or before "
        f"{REPORT_DUE_DAYS} days after the quarter's end.",
    ]])
    with open(os.path.join(args.out, "workspace.json"), "w", encoding="utf-8", newline="") as handle:
        handle.write(json.dumps(manifest(catalog, args.out, sample), indent=2, ensure_ascii=False) + "\n")

    if args.summary:
        print("| Reporter | Flaw | Detail |\n|---|---|---|")
        for who, kind, detail, _ in sorted(sample.flaws):
            print(f"| {who} | {kind} | {detail} |")
        print()
        for entry in sample.target_outcomes:
            print(f"- {json.dumps(entry)}")
        print(f"\nboundary (clean): {sample.optional_min} optional = {sample.boundary_min}; "
              f"{sample.optional_max} optional = {sample.boundary_max} (also reports 2013Q1 exactly "
              f"{REPORT_DUE_DAYS} days after the quarter end); resubmitted clean = {sample.resubmitted_clean}")


if __name__ == "__main__":
    main()
