package org.zhurnal.archive.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.zhurnal.archive.api.ArchivedDocument;
import org.zhurnal.archive.api.ExportResult;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Writes a school's archive to export targets, one document at a time to every target still working: a target
 * that fails is reported and the others are still written. The layout of a target:
 * <pre>
 * &lt;target&gt;/&lt;schoolId&gt;/records.json                          every record
 * &lt;target&gt;/&lt;schoolId&gt;/&lt;year&gt;/&lt;documentId&gt;/&lt;fileName&gt;     the document
 *                                  .../record.json              its record
 *                                  .../manifest.txt             the signed manifest (record + content SHA-256)
 *                                  .../manifest.txt.p7s         the detached CMS signature of manifest.txt (DER)
 * </pre>
 * Documents never change, so writing a target again rewrites the same bytes.
 */
final class Exporter {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** One document with what is exported of it. */
    record Item(ArchivedDocument record, byte[] content, byte[] signature) {
    }

    /** Reads the content and signature of one document (in its own short transaction). */
    interface Loader {
        Item load(ArchivedDocument d);
    }

    private Exporter() {}

    static ExportResult export(String schoolId, List<ArchivedDocument> documents, List<String> targets, Loader loader) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<Path> roots = new ArrayList<>();
        for (String t : targets) {
            errors.put(t, null);
            Path root = Path.of(t).resolve(schoolId);
            roots.add(root);
            try {
                Files.createDirectories(root);
            } catch (IOException | RuntimeException e) {
                errors.put(t, message(e));
            }
        }
        for (ArchivedDocument d : documents) {
            if (errors.values().stream().allMatch(e -> e != null)) {
                break;
            }
            Item item = loader.load(d);
            for (int i = 0; i < targets.size(); i++) {
                String t = targets.get(i);
                if (errors.get(t) != null) {
                    continue;
                }
                try {
                    write(roots.get(i), item);
                } catch (IOException | RuntimeException e) {
                    errors.put(t, d.id() + ": " + message(e));
                }
            }
        }
        for (int i = 0; i < targets.size(); i++) {
            String t = targets.get(i);
            if (errors.get(t) == null) {
                try {
                    Files.write(roots.get(i).resolve("records.json"), JSON.writeValueAsBytes(documents));
                } catch (IOException | RuntimeException e) {
                    errors.put(t, "records.json: " + message(e));
                }
            }
        }
        List<ExportResult.Target> out = new ArrayList<>();
        errors.forEach((t, e) -> out.add(new ExportResult.Target(t, e == null, e)));
        return new ExportResult(schoolId, documents.size(), out);
    }

    private static void write(Path root, Item item) throws IOException {
        ArchivedDocument d = item.record();
        Path dir = root.resolve(Integer.toString(d.academicYear())).resolve(d.id());
        Files.createDirectories(dir);
        Files.write(dir.resolve(safeName(d.fileName())), item.content());
        Files.write(dir.resolve("record.json"), JSON.writeValueAsBytes(d));
        Files.write(dir.resolve("manifest.txt"), Manifest.of(d));
        Files.write(dir.resolve("manifest.txt.p7s"), item.signature());
    }

    /** @return the file name without directories or characters that are unsafe in file names */
    static String safeName(String fileName) {
        String n = fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        if (n.isEmpty() || n.equals(".") || n.equals("..") || n.equals("record.json") || n.startsWith("manifest.txt")) {
            n = "document-" + n.replace(".", "_");
        }
        return n;
    }

    private static String message(Exception e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
