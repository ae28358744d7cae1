package io.phistream.scoring.bundle;

import com.google.crypto.tink.PublicKeyVerify;
import io.phistream.scoring.models.BuiltInModels;
import io.phistream.scoring.onnx.OnnxScorer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The deployed models, hot-swapped from a watched directory without restart.
 *
 * <p>Each call to {@link #poll()} scans {@code root} for bundle directories (a directory holding manifest.json,
 * directly under root or one level deeper, e.g. {@code root/news2/1.1.0/}). New or changed directories are verified
 * ({@link ModelBundle#load}); a directory is re-verified only when one of its files changes size or time, so a
 * bundle that is being copied in and fails verification is picked up again once it is complete (copying to a
 * temporary name and renaming avoids the interim rejection event). For each model name the live model is the
 * highest APPROVED version (built-ins count as approved), and the shadow model the highest APPROVED_SHADOW version
 * above it with the same features. A swap opens the new session first and only then replaces the old one, so
 * scoring never pauses; the old session closes when its last in-flight call returns. A bundle that fails to open
 * leaves the current model in place.
 *
 * <p>Polling is driven from outside ({@link #poll()} in tests, {@link #start} with a scheduler in the pipeline),
 * so there is no hidden clock.
 */
public final class ModelRegistry implements AutoCloseable {

    /** What a poll changed. Carries names, versions, directory names and reason codes only. */
    public record Event(Kind kind, String model, String version, String source, ModelRejectedException.Reason reason) {
    }

    public enum Kind { LIVE_LOADED, LIVE_SWAPPED, SHADOW_LOADED, SHADOW_REMOVED, UNLOADED, REJECTED }

    /**
     * Live and (when deployed) shadow outputs for the same rows. Shadow rows are for comparison and audit only;
     * a failing shadow model never affects the live result.
     */
    public record Scored(ModelManifest live, float[][] rows, ModelManifest shadow, float[][] shadowRows,
                         String shadowError) {
        public boolean hasShadow() {
            return shadowRows != null;
        }
    }

    private final Path root;
    private final BundleVerifier verifier;
    private final List<ModelBundle> builtIns = new ArrayList<>();
    private final Map<Path, Scan> scans = new HashMap<>();
    private final Map<String, Deployment> live = new ConcurrentHashMap<>();
    private final Map<String, Deployment> shadow = new ConcurrentHashMap<>();
    private final Set<String> failedToOpen = new TreeSet<>();

    private record Scan(String fingerprint, ModelBundle bundle, ModelRejectedException.Reason rejected) {
    }

    /** A deployed scorer with a reference count, so a swapped-out session closes after its last in-flight call. */
    private static final class Deployment {
        final ModelBundle bundle;
        final OnnxScorer scorer;
        final String identity;
        private final AtomicInteger refs = new AtomicInteger(1); // the registry's own reference

        Deployment(ModelBundle bundle, OnnxScorer scorer) {
            this.bundle = bundle;
            this.scorer = scorer;
            this.identity = identity(bundle);
        }

        boolean acquire() {
            for (int r = refs.get(); r > 0; r = refs.get()) {
                if (refs.compareAndSet(r, r + 1)) {
                    return true;
                }
            }
            return false;
        }

        void release() {
            if (refs.decrementAndGet() == 0) {
                scorer.close();
            }
        }
    }

    /**
     * @param root     directory to watch (created if absent)
     * @param approver the approver's public key; user bundles must be signed with it
     * @param builtIns names of built-in models to deploy as the baseline (e.g. news2); a signed bundle of the
     *                 same name with a higher version replaces it
     */
    public ModelRegistry(Path root, PublicKeyVerify approver, Collection<String> builtIns) throws ModelRejectedException {
        this.root = root;
        this.verifier = new BundleVerifier(approver);
        for (String name : builtIns) {
            this.builtIns.add(BuiltInModels.load(name));
        }
    }

    /** Rescans the directory and applies changes; returns what changed. */
    public synchronized List<Event> poll() {
        List<Event> events = new ArrayList<>();
        Map<Path, Scan> seen = new LinkedHashMap<>();
        for (Path dir : bundleDirs()) {
            String fp = fingerprint(dir);
            Scan prev = scans.get(dir);
            if (prev != null && prev.fingerprint().equals(fp)) {
                seen.put(dir, prev);
                continue;
            }
            try {
                seen.put(dir, new Scan(fp, verifier.verify(dir), null));
            } catch (ModelRejectedException e) {
                seen.put(dir, new Scan(fp, null, e.reason()));
                events.add(new Event(Kind.REJECTED, null, null, name(dir), e.reason()));
            }
        }
        scans.clear();
        scans.putAll(seen);

        Map<String, List<ModelBundle>> byName = new LinkedHashMap<>();
        builtIns.forEach(b -> byName.computeIfAbsent(b.manifest().name(), k -> new ArrayList<>()).add(b));
        for (Scan s : scans.values()) {
            if (s.bundle() != null) {
                byName.computeIfAbsent(s.bundle().manifest().name(), k -> new ArrayList<>()).add(s.bundle());
            }
        }
        for (String name : new ArrayList<>(live.keySet())) {
            if (!byName.containsKey(name)) {
                Deployment old = live.remove(name);
                events.add(new Event(Kind.UNLOADED, name, old.bundle.manifest().version(), old.bundle.origin(), null));
                old.release();
                removeShadow(name, events);
            }
        }
        byName.forEach((name, bundles) -> reconcile(name, bundles, events));
        return events;
    }

    private void reconcile(String name, List<ModelBundle> bundles, List<Event> events) {
        Comparator<ModelBundle> byVersion = (a, b) -> ModelManifest.compareVersions(a.manifest().version(), b.manifest().version());
        // max() keeps the first of equal versions: built-ins are listed first, so they win ties.
        Optional<ModelBundle> bestLive = bundles.stream()
                .filter(b -> b.manifest().approval().status() == ApprovalStatus.APPROVED)
                .reduce((a, b) -> byVersion.compare(b, a) > 0 ? b : a);
        Deployment current = live.get(name);
        if (bestLive.isPresent() && (current == null || !current.identity.equals(identity(bestLive.get())))) {
            Deployment next = open(bestLive.get(), events);
            if (next != null) {
                live.put(name, next);
                events.add(new Event(current == null ? Kind.LIVE_LOADED : Kind.LIVE_SWAPPED, name,
                        next.bundle.manifest().version(), next.bundle.origin(), null));
                if (current != null) {
                    current.release();
                }
            }
        }
        Deployment now = live.get(name);
        if (now == null) {
            removeShadow(name, events);
            return;
        }
        Optional<ModelBundle> bestShadow = bundles.stream()
                .filter(b -> b.manifest().approval().status() == ApprovalStatus.APPROVED_SHADOW)
                .filter(b -> byVersion.compare(b, now.bundle) > 0)
                .reduce((a, b) -> byVersion.compare(b, a) > 0 ? b : a);
        Deployment currentShadow = shadow.get(name);
        if (bestShadow.isEmpty()) {
            removeShadow(name, events);
        } else if (currentShadow == null || !currentShadow.identity.equals(identity(bestShadow.get()))) {
            ModelBundle candidate = bestShadow.get();
            if (!candidate.manifest().featureNames().equals(now.bundle.manifest().featureNames())) {
                if (failedToOpen.add(identity(candidate))) {
                    events.add(new Event(Kind.REJECTED, name, candidate.manifest().version(), candidate.origin(),
                            ModelRejectedException.Reason.INCOMPATIBLE));
                }
                return;
            }
            Deployment next = open(candidate, events);
            if (next != null) {
                shadow.put(name, next);
                events.add(new Event(Kind.SHADOW_LOADED, name, candidate.manifest().version(), candidate.origin(), null));
                if (currentShadow != null) {
                    currentShadow.release();
                }
            }
        }
    }

    private void removeShadow(String name, List<Event> events) {
        Deployment old = shadow.remove(name);
        if (old != null) {
            events.add(new Event(Kind.SHADOW_REMOVED, name, old.bundle.manifest().version(), old.bundle.origin(), null));
            old.release();
        }
    }

    private Deployment open(ModelBundle bundle, List<Event> events) {
        String id = identity(bundle);
        if (failedToOpen.contains(id)) {
            return null;
        }
        try {
            return new Deployment(bundle, OnnxScorer.open(bundle));
        } catch (ModelRejectedException e) {
            failedToOpen.add(id);
            events.add(new Event(Kind.REJECTED, bundle.manifest().name(), bundle.manifest().version(), bundle.origin(),
                    e.reason()));
            return null;
        }
    }

    private static String identity(ModelBundle b) {
        return b.origin() + '|' + b.manifest().version() + '|' + b.manifest().modelSha256() + '|'
                + b.manifest().approval().status();
    }

    /**
     * Scores rows with the live model and, when one is deployed, the shadow model.
     *
     * @throws IllegalArgumentException when no model of that name is live
     */
    public Scored score(String model, float[][] features) {
        Deployment l = acquire(live, model);
        if (l == null) {
            throw new IllegalArgumentException("no live model named " + model);
        }
        try {
            float[][] rows = l.scorer.score(features);
            Deployment s = acquire(shadow, model);
            if (s == null) {
                return new Scored(l.bundle.manifest(), rows, null, null, null);
            }
            try {
                return new Scored(l.bundle.manifest(), rows, s.bundle.manifest(), s.scorer.score(features), null);
            } catch (RuntimeException e) {
                return new Scored(l.bundle.manifest(), rows, s.bundle.manifest(), null, e.getClass().getSimpleName());
            } finally {
                s.release();
            }
        } finally {
            l.release();
        }
    }

    private static Deployment acquire(Map<String, Deployment> map, String model) {
        while (true) {
            Deployment d = map.get(model);
            if (d == null || d.acquire()) {
                return d;
            }
            // swapped out and closed between get and acquire: read the replacement
        }
    }

    public Optional<ModelManifest> live(String model) {
        return Optional.ofNullable(live.get(model)).map(d -> d.bundle.manifest());
    }

    public Optional<ModelManifest> shadow(String model) {
        return Optional.ofNullable(shadow.get(model)).map(d -> d.bundle.manifest());
    }

    public Set<String> models() {
        return new TreeSet<>(live.keySet());
    }

    /** Polls on a scheduler every {@code period}, passing non-empty change lists to {@code listener}. */
    public ScheduledFuture<?> start(ScheduledExecutorService scheduler, Duration period, Consumer<List<Event>> listener) {
        return scheduler.scheduleWithFixedDelay(() -> {
            List<Event> events = poll();
            if (!events.isEmpty()) {
                listener.accept(events);
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        live.values().forEach(Deployment::release);
        shadow.values().forEach(Deployment::release);
        live.clear();
        shadow.clear();
    }

    private List<Path> bundleDirs() {
        List<Path> dirs = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return dirs;
        }
        try (Stream<Path> top = Files.list(root)) {
            for (Path d : top.filter(Files::isDirectory).sorted().toList()) {
                if (Files.exists(d.resolve(ModelBundle.MANIFEST_FILE))) {
                    dirs.add(d);
                    continue;
                }
                try (Stream<Path> inner = Files.list(d)) {
                    inner.filter(p -> Files.isDirectory(p) && Files.exists(p.resolve(ModelBundle.MANIFEST_FILE)))
                            .sorted().forEach(dirs::add);
                }
            }
        } catch (IOException e) {
            // an unreadable directory is skipped this round and retried on the next poll
        }
        return dirs;
    }

    private static String fingerprint(Path dir) {
        StringBuilder b = new StringBuilder();
        for (String f : List.of(ModelBundle.MANIFEST_FILE, ModelBundle.SIGNATURE_FILE, ModelBundle.MODEL_FILE)) {
            try {
                BasicFileAttributes a = Files.readAttributes(dir.resolve(f), BasicFileAttributes.class);
                b.append(a.size()).append('@').append(a.lastModifiedTime()).append(';')
                        .append(a.fileKey()).append(';');
            } catch (IOException e) {
                b.append("-;");
            }
        }
        return b.toString();
    }

    private String name(Path dir) {
        return root.relativize(dir).toString();
    }
}
