package org.zhurnal.roster.internal.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;


import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.tenancy.School;
import org.zhurnal.core.api.tenancy.TenantService;
import org.zhurnal.roster.api.ImportReport;
import org.zhurnal.roster.internal.RosterServiceImpl;

@Command(scope = "zhurnal", name = "import", description = "Imports a roster file into a school: the native CSV template, or a "
        + "OneRoster 1.2 CSV .zip; all-or-nothing, idempotent")
@Service
public class ImportCommand implements Action {
    @Reference
    RosterServiceImpl roster;
    @Reference
    TenantService tenants;

    @Option(name = "--dry-run", description = "Report what would change and write nothing")
    boolean dryRun;
    @Option(name = "--school-name", description = "The school by its short name (instead of its id)")
    String schoolName;
    @Argument(index = 0, name = "school-and-file", description = "The school id (unless --school-name is given), then the file",
            required = true, multiValued = true)
    List<String> args;

    @Override
    public Object execute() throws Exception {
        String schoolId;
        String file;
        if (schoolName != null) {
            if (args.size() != 1) {
                throw new IllegalArgumentException("With --school-name, give only the file");
            }
            file = args.get(0);
            schoolId = CallContext.asShellOperator("import", () -> schoolByName(schoolName));
        } else {
            if (args.size() != 2) {
                throw new IllegalArgumentException("Give the school id and the file (or --school-name <short name> and the file)");
            }
            schoolId = args.get(0);
            file = args.get(1);
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("No such file: " + file);
        }
        byte[] content = Files.readAllBytes(path);
        String fileName = path.getFileName().toString();
        boolean zip = fileName.toLowerCase(Locale.ROOT).endsWith(".zip");
        ImportReport report;
        try {
            report = CallContext.asShellOperator("import", () -> zip ? roster.importOneRoster(schoolId, content, dryRun)
                    : roster.importCsv(schoolId, fileName, content, dryRun));
        } catch (ProblemException e) {
            System.out.println("Import refused: " + e.getMessage());
            if (e.field() != null && e.violations().isEmpty()) {
                System.out.println("  " + e.field());
            }
            e.violations().forEach(v -> System.out.println("  " + v.field() + " — " + v.message()));
            throw new IllegalStateException("Import of " + fileName + " failed: " + e.getMessage()
                    + (e.violations().isEmpty() ? "" : " (" + e.violations().size() + " errors)"));
        }
        System.out.println((report.dryRun() ? "Dry run, nothing written: " : "Imported: ") + fileName + ", " + report.rows() + " rows");
        print("created", report.created());
        print("updated", report.updated());
        print("unchanged", report.unchanged());
        return null;
    }

    private String schoolByName(String name) {
        List<School> found = tenants.schools(null).stream().filter(s -> s.shortName().equalsIgnoreCase(name.strip())).toList();
        if (found.isEmpty()) {
            throw new IllegalArgumentException("No school is named " + name);
        }
        if (found.size() > 1) {
            throw new IllegalArgumentException(found.size() + " schools are named " + name + "; give the id: "
                    + found.stream().map(School::id).toList());
        }
        return found.get(0).id();
    }

    private static void print(String what, Map<String, Integer> counts) {
        System.out.println("  " + what + ": " + (counts.isEmpty() ? "-" : counts.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("-")));
    }
}
