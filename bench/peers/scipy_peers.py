#!/usr/bin/python3
"""SciPy peers for docs/benchmarks.md problems A and B (run with Debian's /usr/bin/python3,
OMP_NUM_THREADS=1). Times are from grid build to last output, imports excluded, median of 3;
each run reports its worst relative error over the six outputs against the reference, so the
comparison with `transport_bench` is at equal accuracy.

A: finite volumes (graded) + solve_ivp BDF with a sparse Jacobian.
B: axisymmetric r-z finite volumes (graded towards the channel wall and the SC/VE interface)
   + BDF2 with a fixed step, the matrix factorized once by scipy.sparse.linalg.splu.
"""
import json
import sys
import time

import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla
from scipy.integrate import solve_ivp

HOURS = np.array([1, 2, 4, 8, 12, 24.0])
REF_A = np.array([2.556552e-05, 1.879402e-04, 6.471849e-04, 1.605150e-03, 2.564019e-03, 5.440631e-03])
REF_B = np.array([3.162039e-02, 7.250455e-02, 1.544675e-01, 3.184301e-01, 4.823935e-01, 9.742836e-01])
UM = 1e-4  # cm


def graded(a, b, h0, q, hmax, fine_start=True, fine_end=True):
    """Faces of [a, b]: cells from h0 growing by q up to hmax from the fine end(s)."""
    n = 1
    while True:
        k = np.arange(n)
        d = np.minimum(k, n - 1 - k) if (fine_start and fine_end) else (k if fine_start else n - 1 - k)
        h = np.minimum(h0 * q ** d, hmax)
        if h.sum() >= b - a:
            h *= (b - a) / h.sum()
            return a + np.concatenate([[0.0], np.cumsum(h)])
        n += 1


def layers_d(zc):
    return np.where(zc < 15 * UM, 1e-10, 6e-6)


def problem_a(h0, q, frac, rtol):
    t0 = time.perf_counter()
    z = np.concatenate([graded(0, 15 * UM, h0, q, frac * 15 * UM),
                        graded(15 * UM, 1075 * UM, h0, q, 0.1 * 1060 * UM, True, False)[1:]])
    dz = np.diff(z)
    zc = 0.5 * (z[1:] + z[:-1])
    d = layers_d(zc)
    n = len(dz)
    g = 1.0 / (0.5 * dz[:-1] / d[:-1] + 0.5 * dz[1:] / d[1:])  # interior faces
    g_top = d[0] / (0.5 * dz[0])
    g_bot = d[-1] / (0.5 * dz[-1])
    main = np.zeros(n)
    main[:-1] -= g
    main[1:] -= g
    main[0] -= g_top
    main[-1] -= g_bot
    a = sp.diags([g, main, g], [-1, 0, 1], format="csr")
    a = sp.diags(1.0 / dz) @ a
    b = np.zeros(n)
    b[0] = g_top / dz[0]
    # state: u (n) and Q (1)
    jac = sp.bmat([[a, sp.csr_matrix((n, 1))],
                   [sp.csr_matrix(([g_bot], ([0], [n - 1])), shape=(1, n)), sp.csr_matrix((1, 1))]], format="csr")

    def rhs(_t, y):
        out = np.empty_like(y)
        out[:n] = a @ y[:n] + b
        out[n] = g_bot * y[n - 1]
        return out

    sol = solve_ivp(rhs, (0, 24 * 3600), np.zeros(n + 1), method="BDF", rtol=rtol, atol=1e-12,
                    jac=jac, t_eval=HOURS * 3600)
    q_out = sol.y[n]
    elapsed = time.perf_counter() - t0
    return n, elapsed, float(np.max(np.abs(q_out / REF_A - 1)))


def problem_b(h0, q, frac, dt):
    t0 = time.perf_counter()
    a_r, big_r = 35 * UM, 360 * UM
    r = np.concatenate([graded(0, a_r, h0, q, frac * a_r, False, True),
                        graded(a_r, big_r, h0, q, frac * (big_r - a_r), True, False)[1:]])
    z = np.concatenate([graded(0, 15 * UM, h0, q, 0.34 * 15 * UM),
                        graded(15 * UM, 1075 * UM, h0, q, frac * 1060 * UM, True, False)[1:]])
    nr, nz = len(r) - 1, len(z) - 1
    rc, zc = 0.5 * (r[1:] + r[:-1]), 0.5 * (z[1:] + z[:-1])
    dz = np.diff(z)
    ring = (r[1:] ** 2 - r[:-1] ** 2) / big_r ** 2          # area fraction of each ring
    R, Z = np.meshgrid(rc, zc)                                # shape (nz, nr)
    d = np.where((Z < 15 * UM) & (R >= a_r), 1e-10, 6e-6)
    vol = (ring[None, :] * dz[:, None]).ravel()
    idx = np.arange(nz * nr).reshape(nz, nr)
    rows, cols, vals = [], [], []
    diag = np.zeros(nz * nr)
    # radial faces
    rf = r[1:-1]
    gr = (2 * rf[None, :] * dz[:, None] / big_r ** 2) / ((rf - rc[:-1])[None, :] / d[:, :-1] + (rc[1:] - rf)[None, :] / d[:, 1:])
    i, j = idx[:, :-1].ravel(), idx[:, 1:].ravel()
    rows += [i, j]; cols += [j, i]; vals += [gr.ravel(), gr.ravel()]
    np.subtract.at(diag, i, gr.ravel()); np.subtract.at(diag, j, gr.ravel())
    # vertical faces
    gz = ring[None, :] / (0.5 * dz[:-1, None] / d[:-1, :] + 0.5 * dz[1:, None] / d[1:, :])
    i, j = idx[:-1, :].ravel(), idx[1:, :].ravel()
    rows += [i, j]; cols += [j, i]; vals += [gz.ravel(), gz.ravel()]
    np.subtract.at(diag, i, gz.ravel()); np.subtract.at(diag, j, gz.ravel())
    g_top = ring * d[0, :] / (0.5 * dz[0])
    g_bot = ring * d[-1, :] / (0.5 * dz[-1])
    diag[idx[0, :]] -= g_top
    diag[idx[-1, :]] -= g_bot
    n = nz * nr
    a = sp.csr_matrix((np.concatenate(vals + [diag]), (np.concatenate(rows + [np.arange(n)]),
                                                      np.concatenate(cols + [np.arange(n)]))), shape=(n, n))
    source = np.zeros(n)
    source[idx[0, :]] = g_top
    cap = sp.diags(vol)
    be = spla.splu((cap / (dt / 16) - a).tocsc())
    steps = []
    u = np.zeros(n); qsum = 0.0
    # start-up: backward Euler at dt/16, then BDF2 doubling the step, then BDF2 at dt
    u_prev, q_prev = u.copy(), 0.0
    u = be.solve(vol * u / (dt / 16) + source)
    qsum = (dt / 16) * g_bot @ u[idx[-1, :]]
    t = dt / 16
    h_last = dt / 16
    cache = {}
    out, k_out = [], 0
    while k_out < len(HOURS):
        h = min(dt, 2 * h_last, HOURS[k_out] * 3600 - t)
        w = h / h_last
        a0, b1, b2 = (1 + 2 * w) / (1 + w), 1 + w, w * w / (1 + w)
        key = (round(h, 6), round(w, 9))
        if key not in cache:
            cache[key] = spla.splu((cap * (a0 / h) - a).tocsc())
        rhs = vol * (b1 * u - b2 * u_prev) / h + source
        u_new = cache[key].solve(rhs)
        q_new = (b1 * qsum - b2 * q_prev + h * (g_bot @ u_new[idx[-1, :]])) / a0
        u_prev, u, q_prev, qsum = u, u_new, qsum, q_new
        t += h
        h_last = h
        if abs(t - HOURS[k_out] * 3600) < 1e-6:
            out.append(qsum)
            k_out += 1
    elapsed = time.perf_counter() - t0
    return n, elapsed, float(np.max(np.abs(np.array(out) / REF_B - 1)))


def median_of_3(run, *args):
    results = [run(*args) for _ in range(3)]
    times = sorted(r[1] for r in results)
    return results[0][0], times[1], results[0][2]


if __name__ == "__main__":
    report = []
    for name, run, args in [
        ("A, solve_ivp BDF", problem_a, (0.25 * UM, 1.25, 0.025, 1e-4)),
        ("B <= 1 %, FV + splu BDF2 600 s", problem_b, (0.5 * UM, 1.3, 0.1, 600.0)),
        ("B <= 0.1 %, FV + splu BDF2 150 s", problem_b, (0.25 * UM, 1.1, 0.012, 150.0)),
    ]:
        cells, seconds, error = median_of_3(run, *args)
        report.append({"name": name, "cells": cells, "seconds": seconds, "worst_relative_error": error})
        print(f"{name}: {cells} cells, {seconds * 1e3:.1f} ms, worst relative error {error:.2e}", flush=True)
    json.dump(report, sys.stderr)
