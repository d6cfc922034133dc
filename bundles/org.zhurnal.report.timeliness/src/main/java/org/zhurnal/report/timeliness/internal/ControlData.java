package org.zhurnal.report.timeliness.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.tenancy.School;
import org.zhurnal.core.api.tenancy.TenantService;
import org.zhurnal.diary.api.DiaryQuery;
import org.zhurnal.diary.api.FamilyReach;
import org.zhurnal.gradebook.api.GradebookQuery;
import org.zhurnal.gradebook.api.LessonTimeliness;
import org.zhurnal.roster.api.Group;
import org.zhurnal.roster.api.Guardianship;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.roster.api.SchoolClass;
import org.zhurnal.security.api.AccountService;

/**
 * What the control reports and the dashboard read, through the other modules' query services only. No access
 * checks here: the report runner and the REST resource check the caller first.
 */
@Component(service = ControlData.class)
public class ControlData {
    private final RosterQuery roster;
    private final GradebookQuery gradebook;
    private final DiaryQuery diary;
    private final AccountService accounts;
    private final TenantService tenants;
    private final ZhurnalClock clock;

    @Activate
    public ControlData(@Reference RosterQuery roster, @Reference GradebookQuery gradebook, @Reference DiaryQuery diary,
            @Reference AccountService accounts, @Reference TenantService tenants, @Reference ZhurnalClock clock) {
        this.roster = roster;
        this.gradebook = gradebook;
        this.diary = diary;
        this.accounts = accounts;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** Names of teachers, classes and groups, read once per report. Not thread-safe: one per run. */
    public final class Names {
        private final Map<String, String> people = new HashMap<>();
        private final Map<String, String> units = new HashMap<>();

        /** @return «Фамилия Имя Отчество», or the id when the person is unknown, or «—» for {@code null} */
        public String person(String id) {
            if (id == null) {
                return "—";
            }
            return people.computeIfAbsent(id, k -> roster.person(k).map(Person::fullName).orElse(k));
        }

        /** @return the lesson's class («5А») or group name */
        public String unit(LessonTimeliness l) {
            if (l.groupId() != null) {
                return units.computeIfAbsent(l.groupId(), k -> roster.group(k).map(Group::name).orElse(k));
            }
            if (l.classId() != null) {
                return units.computeIfAbsent(l.classId(), k -> roster.schoolClass(k).map(SchoolClass::name).orElse(k));
            }
            return "—";
        }
    }

    /** @return a new name cache */
    public Names names() {
        return new Names();
    }

    /** @return the school's timeliness of held lessons, by date */
    public List<LessonTimeliness> timeliness(String schoolId, LocalDate from, LocalDate to) {
        return gradebook.timeliness(schoolId, from, to);
    }

    /** @return the deadlines the timeliness is judged by */
    public GradebookQuery.Deadlines deadlines() {
        return gradebook.deadlines();
    }

    /** @return the schools of a municipality, by short name */
    public List<School> schools(String municipalityId) {
        return tenants.schools(municipalityId).stream().sorted(Comparator.comparing(School::shortName)).toList();
    }

    /** @return the school's short name, or its id */
    public String schoolName(String schoolId) {
        return tenants.school(schoolId).map(School::shortName).orElse(schoolId);
    }

    /** @return the municipality's name, or its id */
    public String municipalityName(String municipalityId) {
        return tenants.municipality(municipalityId).map(m -> m.name()).orElse(municipalityId);
    }

    /** @return every school of the municipality with its share of lessons recorded on the day */
    public List<Shares.SchoolShare> municipalShares(String municipalityId, LocalDate from, LocalDate to) {
        return perSchool(schools(municipalityId), s -> {
            List<LessonTimeliness> lessons = gradebook.timeliness(s.id(), from, to);
            return new Shares.SchoolShare(s.id(), s.shortName(), lessons.size(), (int) lessons.stream().filter(Shares::onDay).count());
        });
    }

    /** @return the activity rating's inputs of every school of the municipality */
    public List<ActivityRating.Input> ratingInputs(String municipalityId, LocalDate from, LocalDate to) {
        return perSchool(schools(municipalityId), s -> ratingInput(s, from, to));
    }

    /**
     * Computes per school on up to as many threads as there are processors (at most 4): a municipality's schools are
     * independent, and a school's reads wait on the database as much as on the processor. The threads are never
     * interrupted (a thread interrupted inside embedded Derby loses its connection).
     */
    <T> List<T> perSchool(List<School> schools, java.util.function.Function<School, T> work) {
        int threads = Math.min(Math.min(4, Runtime.getRuntime().availableProcessors()), schools.size());
        if (threads <= 1) {
            return schools.stream().map(work).toList();
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "zhurnal-control-report");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<T>> futures = new ArrayList<>();
            for (School s : schools) {
                futures.add(pool.submit(() -> work.apply(s)));
            }
            List<T> out = new ArrayList<>();
            for (java.util.concurrent.Future<T> f : futures) {
                try {
                    out.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * One class in one week of the informing-parents report.
     *
     * @param className «5А»
     * @param week the week's Monday
     * @param first the first day counted (the range may start mid-week)
     * @param last the last day counted
     * @param students students enrolled on the last day
     * @param reached of them, whose family opened the diary, got a notification or a printout that week
     */
    public record ClassWeek(String classId, String className, int grade, LocalDate week, LocalDate first, LocalDate last, int students,
            int reached) {
    }

    /** @return per class (by grade and name) and week of the range, how many families were reached; weeks after today left out */
    public List<ClassWeek> informing(String schoolId, LocalDate from, LocalDate to) {
        LocalDate today = clock.today();
        List<ClassWeek> out = new ArrayList<>();
        for (LocalDate monday : Shares.weeks(from, to)) {
            LocalDate first = monday.isBefore(from) ? from : monday;
            LocalDate last = monday.plusDays(6).isAfter(to) ? to : monday.plusDays(6);
            if (first.isAfter(today)) {
                break;
            }
            Map<SchoolClass, List<String>> studentsOf = new LinkedHashMap<>();
            Set<String> all = new LinkedHashSet<>();
            for (SchoolClass c : roster.classes(schoolId, RosterQuery.academicYearOf(last))) {
                List<String> ids = roster.studentsOfClass(c.id(), last).stream().map(Person::id).toList();
                studentsOf.put(c, ids);
                all.addAll(ids);
            }
            Set<String> reached = new java.util.HashSet<>();
            for (FamilyReach r : diary.reach(all, first, last)) {
                if (r.reached()) {
                    reached.add(r.studentId());
                }
            }
            studentsOf.forEach((c, ids) -> out.add(new ClassWeek(c.id(), c.name(), c.grade(), monday, first, last, ids.size(),
                    (int) ids.stream().filter(reached::contains).count())));
        }
        out.sort(Comparator.comparingInt(ClassWeek::grade).thenComparing(ClassWeek::className).thenComparing(ClassWeek::week));
        return out;
    }

    /** @return what the activity rating of one school is computed from (see {@link ActivityRating}) */
    public ActivityRating.Input ratingInput(School s, LocalDate from, LocalDate to) {
        LocalDate today = clock.today();
        LocalDate day = to.isAfter(today) ? today : to;
        List<LessonTimeliness> lessons = gradebook.timeliness(s.id(), from, to);
        Set<String> students = new LinkedHashSet<>();
        roster.classMembers(s.id(), day, day).forEach(m -> students.add(m.student().id())); // one read, not one per class
        Set<String> persons = new LinkedHashSet<>(students);
        for (List<Guardianship> gs : roster.guardiansOfStudents(students).values()) {
            gs.forEach(g -> persons.add(g.guardian().id()));
        }
        int reached = day.isBefore(from) ? 0 : (int) diary.reach(students, from, day).stream().filter(FamilyReach::reached).count();
        int withAccount = accounts.byPersons(persons).size();
        int withConsent = roster.consentsInForce(students, day).size();
        return new ActivityRating.Input(s.id(), s.shortName(), lessons.size(), (int) lessons.stream().filter(Shares::onDay).count(),
                students.size(), reached, persons.size(), withAccount, withConsent);
    }
}
