"""Dump k training steps of the HLOP authors' permuted-MNIST code for a step-for-step comparison.

Runs inside the reference harness (../shared/ref: its venv, its patched copy of the authors' code on
sys.path, its stubs), never inside Plasticity. It mirrors the batch loop of the reference script of
the chosen training method (spiking_train_pmnist{,_bptt,_ottt}.py) for `--steps` batches of task 0
and, after the end-of-task subspace merge and growth, `--steps` batches of task 1 (thresholds frozen,
only weights trained, projection on for HLOP), and writes:

  DIR/manifest.json            method, variant, seed, sizes, and per phase: task, batch indices, losses,
                               HLOP old-row counts, the state files before and after
  DIR/phaseP/{start,end}/*.npy the network's state under Plasticity's names (fc1.weight, fc2.weight,
                               head0.weight, sn1.vth, sn2.vth, hlopL.h, hlopL.mom) in float32
  DIR/phaseP/noise-end/*.npy   the state after the phase of a twin trained from weights perturbed by float rounding
                               (--noise): the noise floor the comparison is read against
  DIR/phaseP/batch0-{x,y}.npy  the first batch's inputs and labels (a check that both sides index the same data)
  DIR/samples/taskT-{x,y}.npy  with --generated only: the generated samples both sides train on

Seeding follows the script (random, torch and numpy seeded, the data loaded, then the model built), so
the initial state and the first task's order are the script's own.
"""
import argparse
import json
import os
import random
import sys

import numpy as np
import torch
import torch.nn.functional as F

METHODS = ('dsr', 'bptt', 'ottt')
VARIANTS = ('finetune', 'hlop')
FEEDBACK = ('backprop', 'feedback-alignment', 'sign-symmetric')


def parse():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--method', choices=METHODS, required=True)
    p.add_argument('--variant', choices=VARIANTS, required=True)
    p.add_argument('--feedback', choices=FEEDBACK, default='backprop',
                   help='DSR: the error route, the reference\'s -feedback_alignment / -sign_symmetric flags')
    p.add_argument('--steps', type=int, default=50)
    p.add_argument('--out', required=True)
    p.add_argument('--data-dir', help='the harness PMNIST cache (contains binary_pmnist)')
    p.add_argument('--seed', type=int, default=2022)
    p.add_argument('--generated', type=int, default=0, metavar='N',
                   help='train on N generated samples per task instead of PMNIST (regression fixtures)')
    p.add_argument('--input-scale', type=float, default=1.0,
                   help='with --generated: multiply the images by this (large inputs drive firing rates past the '
                        'thresholds, so DSR trains them)')
    p.add_argument('--vth', type=float, default=0.3,
                   help='DSR: the initial threshold (the script\'s 0.3; a small one drives thresholds to their bound)')
    p.add_argument('--hidden', type=int, default=800)
    p.add_argument('--batch', type=int, default=64)
    p.add_argument('--hlop-initial', default='80,200,100')
    p.add_argument('--hlop-increment', default='70,70,70')
    p.add_argument('--noise', type=float, default=1e-7, metavar='EPS',
                   help='also train a twin from weights scaled by (1 + EPS*N(0,1)) elementwise, on the same batches: '
                        'how far float rounding alone carries the run (the noise floor; 0 skips it)')
    return p.parse_args()


def seed_all(seed):
    random.seed(seed)
    torch.manual_seed(seed)
    np.random.seed(seed)


def generated_tasks(n, seed, scale):
    """Two tasks of MNIST-like normalised images (sparse bright pixels on the normalised background), times scale."""
    g = torch.Generator().manual_seed(seed)
    tasks = []
    for _ in range(2):
        raw = torch.rand(n, 784, generator=g)
        on = torch.rand(n, 784, generator=g) < 0.2
        x = (scale * (torch.where(on, raw, torch.zeros_like(raw)) - 0.1307) / 0.3081).view(n, 1, 28, 28)
        y = torch.randint(0, 10, (n,), generator=g)
        tasks.append((x.float(), y.long()))
    return tasks


def pmnist_tasks(data_dir, seed):
    from dataloader import pmnist as pmd
    data, _, _ = pmd.get(data_dir=data_dir, seed=seed)
    return [(data[t]['train']['x'], data[t]['train']['y']) for t in (0, 1)]


def build_model(method, hidden, vth=0.3, feedback='backprop'):
    import models
    if method == 'dsr':
        fa, ss = feedback == 'feedback-alignment', feedback == 'sign-symmetric'
        snn = {'timesteps': 20, 'train_Vth': True, 'Vth': vth, 'tau': 1.0, 'delta_t': 0.05, 'alpha': 0.3,
               'Vth_bound': 0.0005, 'rate_stat': False}
        return models.spiking_MLP(snn, num_classes=10, n_hidden=hidden, ss=ss, fa=fa, hlop_with_wfr=True,
                                  hlop_spiking=False), 20
    if method == 'bptt':
        return models.spiking_MLP_bptt(num_classes=10, n_hidden=hidden, ss=False, fa=False, timesteps=6,
                                       hlop_spiking=False), 6
    return models.spiking_MLP_ottt(num_classes=10, n_hidden=hidden, ss=False, fa=False, timesteps=6,
                                   hlop_spiking=False), 6


def canonical(key):
    """The reference's state_dict key under Plasticity's parameter name, or None for what is not compared."""
    parts = [p for p in key.split('.') if p != 'op']
    name = '.'.join(parts)
    if name in ('fc1.weight', 'fc2.weight'):
        return name
    if name in ('fc1.weight_back', 'fc2.weight_back'):  # feedback alignment's fixed B
        return name[:3] + '.feedback'
    if name == 'classifiers.0.weight':
        return 'head0.weight'
    if name == 'classifiers.0.weight_back':
        return 'head0.feedback'
    if name in ('sn1.Vth', 'sn2.Vth'):
        return name[:3] + '.vth'
    if parts[0] == 'hlop_modules' and parts[-1] in ('weight', 'delta_weight_momentum'):
        return 'hlop%s.%s' % (parts[1], 'h' if parts[-1] == 'weight' else 'mom')
    return None


def dump_state(model, folder):
    os.makedirs(folder, exist_ok=True)
    names = []
    for key, value in model.state_dict().items():
        name = canonical(key)
        if name is None or value is None:
            continue
        np.save(os.path.join(folder, name + '.npy'), value.detach().cpu().float().numpy())
        names.append(name)
    return sorted(names)


def old_rows(model, task_id):
    """Rows merged from earlier tasks (fixed), per HLOP module."""
    if task_id == 0:
        return [0 for _ in model.hlop_modules]
    return [int(m.index_list[1]) if m.subspace_num > 1 else int(m.index_list[-1]) for m in model.hlop_modules]


def twin_of(model, method, hidden, initial, increment, task_id, feedback):
    """A second model with the same structure and state (built anew: OTTT's modules hold non-leaf tensors that
    deepcopy refuses); the torch random stream is left where it was, so the main run stays the script's."""
    rng = torch.get_rng_state()
    twin, _ = build_model(method, hidden, feedback=feedback)  # its thresholds and B come with the state below
    twin.add_hlop_subspace(initial)
    if task_id > 0:
        twin.merge_hlop_subspace()
        twin.add_hlop_subspace(increment)
    twin.load_state_dict(model.state_dict())
    torch.set_rng_state(rng)
    twin.train()
    if task_id != 0:
        twin.fix_bn()
    return twin


def step(args, model, x, label, task_id, timesteps):
    """One batch exactly as the script's loop body; returns the loss the script logs."""
    hlop = args.variant == 'hlop'
    if task_id == 0:
        kw = dict(projection=False, update_hlop=hlop)
    else:
        kw = dict(projection=hlop, proj_id_list=[0], update_hlop=hlop, fix_subspace_id_list=[0])
    if args.method == 'ottt':
        total = 0.
        for t in range(timesteps):
            out = model(x, task_id, init=(t == 0), **kw)
            loss = F.cross_entropy(out, label) / timesteps
            loss.backward()
            total += loss.detach()
        return float(total)
    if args.method == 'dsr':
        x = x.unsqueeze(1).repeat(1, timesteps, 1, 1, 1)
    out = model(x, task_id, **kw)
    loss = F.cross_entropy(out, label)
    loss.backward()
    if args.method == 'bptt':
        from modules import functional
        functional.reset_net(model)
    return float(loss.detach())


def main():
    args = parse()
    seed_all(args.seed)
    if args.generated:
        tasks = generated_tasks(args.generated, args.seed, args.input_scale)
        os.makedirs(os.path.join(args.out, 'samples'), exist_ok=True)
        for t, (x, y) in enumerate(tasks):
            np.save(os.path.join(args.out, 'samples', 'task%d-x.npy' % t), x.view(x.size(0), -1).numpy())
            np.save(os.path.join(args.out, 'samples', 'task%d-y.npy' % t), y.numpy().astype(np.int64))
    else:
        if not args.data_dir:
            sys.exit('--data-dir is needed without --generated')
        tasks = pmnist_tasks(args.data_dir, args.seed)
    if args.feedback != 'backprop' and args.method != 'dsr':
        sys.exit('--feedback needs --method dsr (the reference has it in its DSR script only)')
    model, timesteps = build_model(args.method, args.hidden, args.vth, args.feedback)
    initial = [int(v) for v in args.hlop_initial.split(',')]
    increment = [int(v) for v in args.hlop_increment.split(',')]
    model.add_hlop_subspace(initial)
    phases = []
    for task_id, (xtrain, ytrain) in enumerate(tasks):
        if task_id == 1:
            model.merge_hlop_subspace()
            model.add_hlop_subspace(increment)
        params = [p for n, p in model.named_parameters() if 'hlop' not in n and (task_id == 0 or p.dim() != 1)]
        optimizer = torch.optim.SGD(params, lr=0.1)
        model.train()
        if task_id != 0:
            model.fix_bn()
        folder = 'phase%d' % task_id
        start = dump_state(model, os.path.join(args.out, folder, 'start'))
        twin = None
        if args.noise > 0:
            twin = twin_of(model, args.method, args.hidden, initial, increment, task_id, args.feedback)
            g = torch.Generator().manual_seed(args.seed + 7 + task_id)
            with torch.no_grad():
                for n, p in twin.named_parameters():
                    if 'hlop' not in n and 'weight_back' not in n and p.dim() == 2:
                        p.mul_(1 + args.noise * torch.randn(p.shape, generator=g))
            twin_params = [p for n, p in twin.named_parameters()
                           if 'hlop' not in n and (task_id == 0 or p.dim() != 1)]
            twin_optimizer = torch.optim.SGD(twin_params, lr=0.1)
        noise_losses = []
        r = np.arange(xtrain.size(0))
        np.random.shuffle(r)
        batches, losses = [], []
        for b in range(args.steps):
            index = r[b * args.batch:(b + 1) * args.batch]
            if len(index) == 0:
                break
            x = xtrain[index].float()
            label = ytrain[index]
            if b == 0:  # lets the other side check that the indices name the same images
                np.save(os.path.join(args.out, folder, 'batch0-x.npy'), x.reshape(x.size(0), -1).numpy())
                np.save(os.path.join(args.out, folder, 'batch0-y.npy'), label.numpy().astype(np.int64))
            optimizer.zero_grad()
            losses.append(step(args, model, x, label, task_id, timesteps))
            optimizer.step()
            if twin is not None:
                twin_optimizer.zero_grad()
                noise_losses.append(step(args, twin, x, label, task_id, timesteps))
                twin_optimizer.step()
            batches.append([int(i) for i in index])
        end = dump_state(model, os.path.join(args.out, folder, 'end'))
        noise = None
        if twin is not None:
            dump_state(twin, os.path.join(args.out, folder, 'noise-end'))
            noise = {'eps': args.noise, 'end': folder + '/noise-end', 'losses': noise_losses}
        phases.append({'task': task_id, 'batches': batches, 'losses': losses, 'hlopOldRows': old_rows(model, task_id),
                       'start': folder + '/start', 'end': folder + '/end', 'tensors': start,
                       'endTensors': end, 'noise': noise})
    manifest = {'method': args.method, 'variant': args.variant, 'feedback': args.feedback, 'seed': args.seed, 'steps': args.steps,
                'batchSize': args.batch, 'hidden': args.hidden, 'timesteps': timesteps,
                'data': 'generated' if args.generated else 'permuted-mnist', 'generated': args.generated,
                'inputScale': args.input_scale,
                'hlopInitial': initial, 'hlopIncrement': increment, 'torch': torch.__version__, 'phases': phases}
    with open(os.path.join(args.out, 'manifest.json'), 'w') as f:
        json.dump(manifest, f, indent=1)
    print('REFDUMP %s %s steps=%d losses[0]=%.6f losses[-1]=%.6f -> %s'
          % (args.method, args.variant, args.steps, phases[0]['losses'][0], phases[-1]['losses'][-1], args.out))


if __name__ == '__main__':
    main()
