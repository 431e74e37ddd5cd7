"""Erlang C (M/M/n) and Erlang A (M/M/n+M) staffing formulas: pure functions, no I/O.

Why both: Erlang C is the industry's staffing yardstick, but it assumes nobody hangs up, so
under load it overstates waits; Erlang A adds exponential caller patience and is what a floor
with abandonment actually behaves like (Mandelbaum & Zeltyn, "The Palm/Erlang-A queue, with
applications to call centers", 2007; Garnett, Mandelbaum & Reiman 2002).

Units: ``rate`` is calls per second, ``aht`` (mean handle time), ``patience`` (mean caller
patience) and ``threshold`` are seconds, ``agents`` is a count. Traffic in erlangs is
``rate * aht``.

Numerics: no factorials and no powers of the traffic. Erlang B is iterated
(``B(k) = A·B(k-1) / (k + A·B(k-1))``), Erlang A sums the birth-death chain's stationary
weights as running ratios, truncated once the remaining (geometrically shrinking) tail is below
1e-15 of the total, and its waiting-time terms are formed in log space, so 5,000 agents or a
patience a million times the handle time neither overflow nor lose the answer.

Service-level conventions (stated because vendors differ):

- Erlang C: SL = P(wait ≤ threshold); nobody abandons, so every caller is eventually answered.
- Erlang A, :attr:`ErlangA.service_level`: P(W ≤ T) where W is the time a caller actually
  spends waiting (answered or abandoned). A caller who hangs up before the threshold counts as
  within it. This is Mandelbaum & Zeltyn's P{W ≤ T}; it is the
  convention of docs/decisions.md ("Erlang A service level").
- Erlang A, :attr:`ErlangA.answered_within`: P(answered and W ≤ T), i.e. answered within the
  threshold / offered. This is the floor's own definition (``switchlink.simulate``: an
  abandoned call is never within service level), and the stricter of the two.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

#: the chain's tail is cut once what is left is below this share of the total
_TAIL_EPS = 1e-15
#: a chain longer than this is refused (only reached when patience is absurdly long under
#: overload, where the queue's stationary length itself runs into the millions)
_MAX_TERMS = 5_000_000
#: weights above this are scaled down together (overload makes them grow geometrically)
_RESCALE = 1e200


# --- validation ---------------------------------------------------------------------------


def _positive(name: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name} must be a number, got {value!r}")
    if math.isnan(value) or math.isinf(value) or value <= 0:
        raise ValueError(f"{name} must be a finite number > 0, got {value!r}")
    return float(value)


def _non_negative(name: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name} must be a number, got {value!r}")
    if math.isnan(value) or math.isinf(value) or value < 0:
        raise ValueError(f"{name} must be a finite number >= 0, got {value!r}")
    return float(value)


def _agents(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"agents must be a whole number >= 1, got {value!r}")
    if value < 1:
        raise ValueError(f"agents must be >= 1, got {value}")
    return value


def _fraction(name: str, value: float, *, open_top: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        raise ValueError(f"{name} must be a number in (0, 1], got {value!r}")
    if not 0.0 < value <= 1.0 or (open_top and value >= 1.0):
        bounds = "(0, 1)" if open_top else "(0, 1]"
        raise ValueError(f"{name} must be in {bounds}, got {value!r}")
    return float(value)


# --- Erlang B and C -----------------------------------------------------------------------


def erlang_b(agents: int, traffic: float) -> float:
    """Blocking probability of M/M/n/n, by the stable recursion (the building block of C)."""
    n = _agents(agents)
    a = _positive("traffic", traffic)
    b = 1.0
    for k in range(1, n + 1):
        b = a * b / (k + a * b)
    return b


def erlang_c(agents: int, rate: float, aht: float) -> float:
    """P(wait > 0) in M/M/n: the share of callers who find every agent busy.

    With traffic ``A = rate·aht`` at or above ``agents`` the queue grows without bound and
    every caller waits: 1.0.
    """
    n = _agents(agents)
    a = _positive("rate", rate) * _positive("aht", aht)
    if a >= n:
        return 1.0
    b = erlang_b(n, a)
    rho = a / n
    return b / (1.0 - rho + rho * b)


def erlang_c_service_level(agents: int, rate: float, aht: float, threshold: float) -> float:
    """P(wait ≤ threshold) in M/M/n (0.0 when the queue is unstable)."""
    n = _agents(agents)
    t = _non_negative("threshold", threshold)
    a = _positive("rate", rate) * _positive("aht", aht)
    if a >= n:
        return 0.0
    return 1.0 - erlang_c(n, rate, aht) * math.exp(-(n - a) * t / aht)


def erlang_c_asa(agents: int, rate: float, aht: float) -> float:
    """Average speed of answer (mean wait over all callers) in M/M/n; inf if unstable."""
    n = _agents(agents)
    a = _positive("rate", rate) * _positive("aht", aht)
    if a >= n:
        return math.inf
    return erlang_c(n, rate, aht) * aht / (n - a)


def occupancy(agents: int, rate: float, aht: float) -> float:
    """Share of logged-in agent time spent handling calls in M/M/n: A/n, capped at 1."""
    n = _agents(agents)
    a = _positive("rate", rate) * _positive("aht", aht)
    return min(1.0, a / n)


def erlang_c_agents_required(
    rate: float,
    aht: float,
    threshold: float,
    target_sl: float,
    *,
    max_asa: float | None = None,
    max_occupancy: float | None = None,
) -> int:
    """Fewest agents meeting the service-level target (and ASA / occupancy caps if given).

    SL, ASA and occupancy all improve with every agent added, so the first count that meets
    them all is the answer; the search starts just above the traffic (fewer is unstable).
    """
    a = _positive("rate", rate) * _positive("aht", aht)
    _non_negative("threshold", threshold)
    _fraction("target_sl", target_sl, open_top=True)
    if max_asa is not None:
        _non_negative("max_asa", max_asa)
    if max_occupancy is not None:
        _fraction("max_occupancy", max_occupancy)

    def meets(n: int) -> bool:
        return (erlang_c_service_level(n, rate, aht, threshold) >= target_sl
                and (max_asa is None or erlang_c_asa(n, rate, aht) <= max_asa)
                and (max_occupancy is None or a / n <= max_occupancy))

    return _first_meeting(meets, max(1, math.floor(a) + 1))


def _first_meeting(meets: Callable[[int], bool], low: int) -> int:
    """Smallest n >= low with meets(n), for a meets() that stays true once true (doubling,
    then bisection: a 5,000-agent floor takes ~25 evaluations, not 5,000)."""
    if meets(low):
        return low
    step = 1
    while not meets(low + step):
        low += step
        step *= 2
    high = low + step  # meets(high), not meets(low)
    while high - low > 1:
        mid = (low + high) // 2
        if meets(mid):
            high = mid
        else:
            low = mid
    return high


# --- Erlang A -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ErlangA:
    """Steady-state figures of M/M/n+M (Erlang A) for one staffing level.

    ``service_level`` counts callers who abandon before the threshold as within it
    (Mandelbaum & Zeltyn's P{W ≤ T}); ``answered_within`` does not (answered within the
    threshold / offered). ``asa`` is the mean wait of answered callers; ``mean_wait`` is over
    every caller, abandoned ones included (their time until hanging up).
    """

    agents: int
    p_wait: float
    p_abandon: float
    service_level: float
    answered_within: float
    asa: float
    mean_wait: float
    occupancy: float
    mean_queue: float


def erlang_a(agents: int, rate: float, aht: float, patience: float,
             threshold: float = 0.0) -> ErlangA:
    """Erlang A (exponential patience of mean ``patience`` s) by its birth-death chain.

    State m = callers present. Deaths: ``min(m, n)·μ + max(m - n, 0)·θ``. A caller arriving
    to k callers queued (PASTA) is answered once k + 1 positions clear, at rates
    ``nμ + iθ`` (i = 0..k) for those ahead; with ``x = e^{-θt}`` that virtual wait V has
    ``e^{-θV} ~ Beta(nμ/θ, k + 1)``, so every figure below is a finite sum of positive terms
    (no cancellation): P(V > t) = x^a Σ_{j≤k} (a)_j/j! (1-x)^j, P(answered) = a/(a+k+1),
    E[V; answered] = (a/(a+k+1)) Σ_{i=1}^{k+1} 1/(nμ + iθ).
    """
    n = _agents(agents)
    lam = _positive("rate", rate)
    h = _positive("aht", aht)
    if isinstance(patience, int | float) and not isinstance(patience, bool) \
            and math.isinf(patience) and patience > 0:
        raise ValueError("patience must be finite: for callers who never abandon use the "
                         "Erlang C functions")
    theta = 1.0 / _positive("patience", patience)
    t = _non_negative("threshold", threshold)
    mu = 1.0 / h
    a_load = lam * h
    nmu = n * mu
    b = erlang_b(n, a_load)
    if b < 1e-300:  # so few callers per agent that a queue never forms
        return ErlangA(n, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0, a_load / n, 0.0)
    # states 0..n-1 relative to state n: their weights sum to 1/B(n, A) - 1, and the busy
    # agents in them to A·(1/B - 1) - n (Σ_{m<=n} m·w_m = A·Σ_{m<n} w_m for Poisson weights)
    below = 1.0 / b - 1.0
    busy_below = max(0.0, a_load * below - n)

    x = math.exp(-theta * t)
    g = -math.expm1(-theta * t) / theta  # (1 - x)/θ, → t as θ → 0
    # running sums over the queued states n + k, k >= 0 (weight w relative to state n)
    w = 1.0
    total_q = 0.0  # Σ w_k
    s_wait_gt = 0.0  # Σ w_k P(W > T | k)
    s_ans_in = 0.0  # Σ w_k P(answered, V ≤ T | k)
    s_answered = 0.0  # Σ w_k P(answered | k)
    s_wait_ans = 0.0  # Σ w_k E[V; answered | k]
    s_queue = 0.0  # Σ w_k · k (callers waiting in state n + k)
    harmonic = 0.0  # Σ_{i=1}^{k+1} 1/(nμ + iθ)
    # log-space terms of the two incomplete-beta sums, I_x(a, k+1) and I_x(a+1, k+1)
    log_d = -nmu * t  # log x^a
    log_e = -nmu * t - theta * t  # log x^(a+1)
    d_sum = math.exp(log_d)
    e_sum = math.exp(log_e)
    k = 0
    while True:
        harmonic += 1.0 / (nmu + (k + 1) * theta)
        served = nmu / (nmu + (k + 1) * theta)
        s_wait_gt += w * min(1.0, x * d_sum)
        s_ans_in += w * served * max(0.0, 1.0 - e_sum)
        s_answered += w * served
        s_wait_ans += w * served * harmonic
        s_queue += w * k
        total_q += w
        ratio = lam / (nmu + (k + 1) * theta)  # w_{k+1} / w_k
        w_next = w * ratio
        if ratio < 1.0 and w_next * ratio / (1.0 - ratio) < _TAIL_EPS * total_q:
            break
        k += 1
        if k > _MAX_TERMS:
            raise ValueError(
                f"patience {patience!r} s is too long for this overload (traffic "
                f"{a_load:.4g} erlangs on {n} agents): the queue would run into millions")
        w = w_next
        if w > _RESCALE:  # deep overload: keep the weights finite, the ratios are what count
            w /= _RESCALE
            total_q /= _RESCALE
            s_wait_gt /= _RESCALE
            s_ans_in /= _RESCALE
            s_answered /= _RESCALE
            s_wait_ans /= _RESCALE
            s_queue /= _RESCALE
            below /= _RESCALE
            busy_below /= _RESCALE
        if g > 0.0:
            # (a)_j/j!·(1-x)^j term by term: ratio (a + j - 1)(1 - x)/j = (nμ + (j-1)θ)·g/j
            log_d += math.log((nmu + (k - 1) * theta) * g / k)
            log_e += math.log((nmu + k * theta) * g / k)
            d_sum += math.exp(log_d)
            e_sum += math.exp(log_e)
    z = below + total_q
    p_answered = (below + s_answered) / z
    mean_queue = s_queue / z
    return ErlangA(
        agents=n,
        p_wait=total_q / z,
        p_abandon=max(0.0, 1.0 - p_answered),
        service_level=1.0 - s_wait_gt / z,
        answered_within=(below + s_ans_in) / z,
        asa=(s_wait_ans / z) / p_answered,
        mean_wait=mean_queue / lam,
        occupancy=(busy_below + n * total_q) / z / n,
        mean_queue=mean_queue,
    )


def erlang_a_p_wait(agents: int, rate: float, aht: float, patience: float) -> float:
    """P(wait > 0) in Erlang A: the share of callers who find every agent busy."""
    return erlang_a(agents, rate, aht, patience).p_wait


def erlang_a_p_abandon(agents: int, rate: float, aht: float, patience: float) -> float:
    """P(abandon) in Erlang A: the share of all callers who hang up before an answer."""
    return erlang_a(agents, rate, aht, patience).p_abandon


def erlang_a_service_level(agents: int, rate: float, aht: float, patience: float,
                           threshold: float) -> float:
    """P(W ≤ threshold), abandoned-before-threshold callers counted as within (M&Z)."""
    return erlang_a(agents, rate, aht, patience, threshold).service_level


def erlang_a_asa(agents: int, rate: float, aht: float, patience: float) -> float:
    """Average speed of answer in Erlang A: the mean wait of the callers who are answered."""
    return erlang_a(agents, rate, aht, patience).asa


def erlang_a_agents_required(
    rate: float,
    aht: float,
    patience: float,
    threshold: float,
    target_sl: float,
    *,
    count_abandoned_within: bool = True,
    max_abandon: float | None = None,
    max_asa: float | None = None,
) -> int:
    """Fewest agents meeting the SL target (and abandon / ASA caps if given) in Erlang A.

    ``count_abandoned_within`` picks the SL convention: True is M&Z's P(W ≤ T), False is
    answered within the threshold / offered (the floor's own, stricter figure).
    """
    lam = _positive("rate", rate)
    h = _positive("aht", aht)
    _non_negative("threshold", threshold)
    _fraction("target_sl", target_sl, open_top=True)
    if max_abandon is not None:
        _fraction("max_abandon", max_abandon)
    if max_asa is not None:
        _non_negative("max_asa", max_asa)

    def meets(n: int) -> bool:
        r = erlang_a(n, lam, h, patience, threshold)
        sl = r.service_level if count_abandoned_within else r.answered_within
        return (sl >= target_sl
                and (max_abandon is None or r.p_abandon <= max_abandon)
                and (max_asa is None or r.asa <= max_asa))

    return _first_meeting(meets, 1)
