package org.zhurnal.example.report.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.reporting.spi.ParameterType;
import org.zhurnal.reporting.spi.ReportFormat;
import org.zhurnal.reporting.spi.ReportOutput;
import org.zhurnal.reporting.spi.ReportParameter;
import org.zhurnal.reporting.spi.ReportParameterException;
import org.zhurnal.reporting.spi.ReportPlugin;
import org.zhurnal.reporting.spi.ReportRequest;
import org.zhurnal.roster.api.Contact;
import org.zhurnal.roster.api.Guardianship;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.roster.api.SchoolClass;
import org.zhurnal.sheets.api.Sheets;
import org.zhurnal.sheets.api.Table;

/**
 * Example report: the class list a class teacher takes to a parents' meeting — each student with birth date and each
 * guardian with relation, phone and e-mail. CSV only. The platform has already checked, before {@link #render} runs,
 * that {@code classId} names a class the caller administers (its class teacher, the school's deputy director or
 * coordinator), so the plug-in does no access checks of its own; it only reads through {@link RosterQuery}.
 */
@Component(service = ReportPlugin.class, property = ReportPlugin.ID + "=class-list")
public class ClassListReport implements ReportPlugin {
    private final RosterQuery roster;
    private final ZhurnalClock clock;

    @Activate
    public ClassListReport(@Reference RosterQuery roster, @Reference ZhurnalClock clock) {
        this.roster = roster;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "class-list";
    }

    @Override
    public String title(String language) {
        return "en".equals(language) ? "Class list for a parents' meeting" : "Список класса для родительского собрания";
    }

    @Override
    public List<ReportParameter> parameters() {
        return List.of(new ReportParameter("classId", ParameterType.CLASS, true, "Класс", "Class"));
    }

    @Override
    public Set<ReportFormat> formats() {
        return Set.of(ReportFormat.CSV);
    }

    @Override
    public ReportOutput render(ReportRequest request) {
        SchoolClass c = roster.schoolClass(request.parameters().get("classId"))
                .orElseThrow(() -> new ReportParameterException("classId", "no such class"));
        boolean en = "en".equals(request.language());
        LocalDate today = clock.today();
        List<List<Object>> rows = new ArrayList<>();
        List<Person> students = roster.studentsOfClass(c.id(), today).stream()
                .sorted(Comparator.comparing(Person::lastName).thenComparing(Person::firstName)).toList();
        for (Person s : students) {
            List<Guardianship> guardians = roster.guardiansOf(s.id());
            if (guardians.isEmpty()) {
                rows.add(List.of(name(s), s.birthDate() == null ? "" : s.birthDate(), "", "", "", ""));
            }
            for (Guardianship g : guardians) {
                rows.add(List.of(name(s), s.birthDate() == null ? "" : s.birthDate(), name(g.guardian()), g.relation(),
                        contacts(g.guardian(), Contact.PHONE), contacts(g.guardian(), Contact.EMAIL)));
            }
        }
        List<String> headers = en ? List.of("Student", "Birth date", "Guardian", "Relation", "Phone", "E-mail")
                : List.of("Ученик", "Дата рождения", "Представитель", "Кем приходится", "Телефон", "E-mail");
        Table table = new Table((en ? "Class " : "Класс ") + c.name(), headers, rows);
        return new ReportOutput((en ? "class-list-" : "список-класса-") + c.name() + ".csv", Sheets.csv(table));
    }

    private static String name(Person p) {
        return p.lastName() + " " + p.firstName() + (p.middleName() == null || p.middleName().isBlank() ? "" : " " + p.middleName());
    }

    private static String contacts(Person p, String kind) {
        return p.contacts() == null ? "" : p.contacts().stream().filter(x -> kind.equals(x.kind())).map(Contact::value)
                .collect(Collectors.joining(", "));
    }
}
