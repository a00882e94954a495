#!/usr/bin/env python3
"""Export per-sample generalised Gauss-Newton (GGN) factors of a PyTorch model as an .npz bundle.

For sample i with model output z_i (a scalar logit for ``bce-logits``, C logits for
``cross-entropy``) the GGN curvature is H_i = J_i^T (d^2 l / dz^2) J_i, J_i = dz_i / dw the Jacobian
of the output with respect to the flattened parameters. With L_i L_i^T = d^2 l / dz^2 the factor
G_i = J_i^T L_i (shape d x k) gives H_i = G_i G_i^T, positive semidefinite by construction -- unlike
the full per-sample Hessian of a network, which carries the indefinite term sum_c (dl/dz_c) d^2 z_c/dw^2
and which the Java tool therefore rejects as "not positive semidefinite".

  bce-logits:     l = softplus(z) - y z,   d^2 l/dz^2 = s (1 - s), s = sigmoid(z);  L = sqrt(s (1 - s)), k = 1
  cross-entropy:  l = -log softmax(z)_y,   d^2 l/dz^2 = diag(p) - p p^T;        L = diag(sqrt p) - p sqrt(p)^T, k = C
                  (L L^T = diag(p) - 2 p p^T + p (sum p) p^T = diag(p) - p p^T since sum p = 1)

Neither curvature depends on the label, so only inputs are needed. The bundle (numpy .npz, read by
``java -jar target/unlearn-stability.jar analyze --npz BUNDLE``; keys in specs/family.md):

  retain (n_r, d, k), forget (n_f, d, k), layout = "factor"     (default)
  factor_gram (m, m), n_retain, n_forget, rank, dimension       (--gram; m = (n_r + n_f) k, retain samples
                                                                  first, each sample's k columns consecutive)
  optional: eta, alpha, batch, description

Requires PyTorch >= 1.13 and numpy only.
"""
import argparse
import importlib.util
import re
import sys

import numpy as np
import torch

LOSSES = ("bce-logits", "cross-entropy")


def _selected_parameters(model, param_filter):
    """The (name, parameter) pairs whose name matches param_filter (a regex, a callable or None)."""
    if param_filter is None:
        keep = lambda name: True  # noqa: E731
    elif callable(param_filter):
        keep = param_filter
    else:
        pattern = re.compile(param_filter)
        keep = lambda name: pattern.search(name) is not None  # noqa: E731
    selected = [(n, p) for n, p in model.named_parameters() if p.requires_grad and keep(n)]
    if not selected:
        raise ValueError("no trainable parameter matches the filter %r" % (param_filter,))
    return selected


def output_hessian_factor(loss, output):
    """L with L L^T = d^2 l / dz^2 at the output z (a 1-D tensor of length C; C = 1 for bce-logits)."""
    z = output.detach().to(torch.float64)
    if loss == "bce-logits":
        if z.numel() != 1:
            raise ValueError("bce-logits needs one output per sample, got %d" % z.numel())
        s = torch.sigmoid(z.reshape(1))
        return torch.sqrt(s * (1 - s)).reshape(1, 1)
    if loss == "cross-entropy":
        p = torch.softmax(z.reshape(-1), dim=0)
        root = torch.sqrt(p)
        return torch.diag(root) - torch.outer(p, root)
    raise ValueError("unknown loss %r (expected one of %s)" % (loss, ", ".join(LOSSES)))


def _samples(data):
    """Yields single inputs from a tensor (first axis = samples) or a DataLoader of x or (x, y) batches."""
    if isinstance(data, torch.Tensor):
        for x in data:
            yield x
        return
    for batch in data:
        xs = batch[0] if isinstance(batch, (tuple, list)) else batch
        for x in xs:
            yield x


def per_sample_factors(model, loss, data, param_filter=None):
    """Per-sample GGN factors G_i = J_i^T L_i of every input in data, as a float64 array (n, d, k).

    model is put in eval mode (dropout off, batch-norm statistics frozen) and restored afterwards;
    the Jacobian is taken by one backward pass per output component, then moved to the CPU.
    """
    was_training = model.training
    model.eval()
    params = [p for _, p in _selected_parameters(model, param_filter)]
    device = params[0].device
    factors = []
    try:
        for x in _samples(data):
            output = model(x.unsqueeze(0).to(device)).reshape(-1)
            rows = []
            for c in range(output.numel()):
                grads = torch.autograd.grad(output[c], params, retain_graph=c + 1 < output.numel(),
                                            allow_unused=True)
                rows.append(torch.cat([(torch.zeros_like(p) if g is None else g).reshape(-1)
                                       for g, p in zip(grads, params)]).to(torch.float64))
            jacobian = torch.stack(rows)  # (C, d)
            factor = jacobian.T @ output_hessian_factor(loss, output).to(jacobian.device)
            factors.append(factor.detach().cpu().numpy())
    finally:
        model.train(was_training)
    if not factors:
        raise ValueError("empty data set")
    return np.stack(factors)


def factor_gram(retain, forget):
    """The Gram matrix of all factor columns, retain samples first, each sample's k columns consecutive."""
    columns = np.concatenate([retain, forget]).transpose(0, 2, 1).reshape(-1, retain.shape[1])
    return columns @ columns.T


def export(path, model, loss, retain, forget, param_filter=None, gram=False,
           eta=None, alpha=None, batch=None, description=None):
    """Writes the bundle to path (an .npz file) and returns the dict of arrays written."""
    g_retain = per_sample_factors(model, loss, retain, param_filter)
    g_forget = per_sample_factors(model, loss, forget, param_filter)
    if gram:
        bundle = {"factor_gram": factor_gram(g_retain, g_forget),
                  "n_retain": np.int64(len(g_retain)), "n_forget": np.int64(len(g_forget)),
                  "rank": np.int64(g_retain.shape[2]), "dimension": np.int64(g_retain.shape[1])}
    else:
        bundle = {"retain": g_retain, "forget": g_forget, "layout": np.array("factor")}
    for key, value, kind in (("eta", eta, np.float64), ("alpha", alpha, np.float64),
                             ("batch", batch, np.int64), ("description", description, np.array)):
        if value is not None:
            bundle[key] = kind(value)
    np.savez(path, **bundle)
    return bundle


def _load_model(spec):
    """A model from FILE.pt (torch.save of a whole module) or FILE.py:FUNCTION (a zero-argument factory)."""
    if ":" in spec and spec.split(":", 1)[0].endswith(".py"):
        file, function = spec.split(":", 1)
        module_spec = importlib.util.spec_from_file_location("exported_model", file)
        module = importlib.util.module_from_spec(module_spec)
        module_spec.loader.exec_module(module)
        return getattr(module, function)()
    return torch.load(spec, map_location="cpu")


def _load_inputs(path):
    if path.endswith(".npy"):
        return torch.from_numpy(np.load(path, allow_pickle=False))
    return torch.load(path, map_location="cpu")


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Export per-sample generalised Gauss-Newton factors G_i = J_i^T L_i of a PyTorch model "
                    "as an .npz bundle for `unlearn-stability analyze --npz` (PSD by construction).")
    parser.add_argument("--model", required=True,
                        help="FILE.pt (torch.save of the module) or FILE.py:FUNCTION returning the module")
    parser.add_argument("--loss", required=True, choices=LOSSES)
    parser.add_argument("--retain", required=True, help="retain inputs: .pt tensor or .npy, first axis = samples")
    parser.add_argument("--forget", required=True, help="forget inputs: .pt tensor or .npy")
    parser.add_argument("--out", required=True, help="the .npz bundle to write")
    parser.add_argument("--params", default=None,
                        help="regex on parameter names: only matching parameters (e.g. 'fc2' or 'lora_')")
    parser.add_argument("--gram", action="store_true",
                        help="write only the Gram matrix of the factor columns (factor_gram), not the factors")
    parser.add_argument("--eta", type=float)
    parser.add_argument("--alpha", type=float)
    parser.add_argument("--batch", type=int)
    parser.add_argument("--description")
    args = parser.parse_args(argv)
    model = _load_model(args.model)
    bundle = export(args.out, model, args.loss, _load_inputs(args.retain), _load_inputs(args.forget),
                    param_filter=args.params, gram=args.gram, eta=args.eta, alpha=args.alpha,
                    batch=args.batch, description=args.description)
    shapes = ", ".join("%s %s" % (k, tuple(np.shape(v))) for k, v in bundle.items())
    print("wrote %s: %s" % (args.out, shapes), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
