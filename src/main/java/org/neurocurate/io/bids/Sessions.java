package org.neurocurate.io.bids;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-subject {@code sub-X/sub-X_sessions.tsv} tables, read once each, as a source of age at
 * session (BIDS allows an {@code age} column there; it takes precedence over participants.tsv because
 * it is specific to the session). Units and Levels come from {@code sub-X/sub-X_sessions.json} or the
 * dataset-level {@code sessions.json}.
 */
final class Sessions {

    private record Loaded(TsvTable table, JsonObject sidecar, String problem) { }

    private final Path root;
    private final Map<String, Optional<Loaded>> bySubject = new ConcurrentHashMap<>();

    Sessions(Path root) {
        this.root = root;
    }

    /** The age at {@code session} from the subject's sessions.tsv, or ABSENT; problems are appended. */
    Harmonised age(String subject, String session, List<String> problems) {
        if (session.isEmpty()) {
            return Harmonised.ABSENT;
        }
        Optional<Loaded> loaded = bySubject.computeIfAbsent(subject, this::load);
        if (loaded.isEmpty()) {
            return Harmonised.ABSENT;
        }
        if (!loaded.get().problem.isEmpty()) {
            problems.add(loaded.get().problem);
        }
        TsvTable t = loaded.get().table;
        if (t == null) {
            return Harmonised.ABSENT;
        }
        String fileName = t.file().getFileName().toString();
        for (TsvTable.Row row : t.rows()) {
            if (!row.get("session_id").replaceFirst("^ses-", "").equals(session)) {
                continue;
            }
            for (AgeColumns.AgeColumn c : AgeColumns.find(t.header(), loaded.get().sidecar)) {
                AgeHarmoniser.Result r = AgeHarmoniser.harmonise(row.get(c.info().name()), c.info(),
                        fileName + "[" + c.info().name() + "]");
                if (!r.problem().isEmpty()) {
                    problems.add(r.problem());
                } else if (r.age().isPresent()) {
                    return r.age();
                }
            }
        }
        return Harmonised.ABSENT;
    }

    private Optional<Loaded> load(String subject) {
        Path tsv = root.resolve(subject).resolve(subject + "_sessions.tsv");
        if (!Files.exists(tsv)) {
            return Optional.empty();
        }
        JsonObject sidecar = null;
        String problem = "";
        for (Path json : List.of(root.resolve(subject).resolve(subject + "_sessions.json"), root.resolve("sessions.json"))) {
            if (sidecar == null && Files.exists(json)) {
                try {
                    sidecar = Sidecars.parseObject(json);
                } catch (SidecarException e) {
                    problem = e.getMessage();
                }
            }
        }
        try {
            return Optional.of(new Loaded(TsvTable.read(tsv), sidecar, problem));
        } catch (IOException e) {
            return Optional.of(new Loaded(null, sidecar, tsv.getFileName() + ": unreadable (" + e + ")"));
        }
    }
}
