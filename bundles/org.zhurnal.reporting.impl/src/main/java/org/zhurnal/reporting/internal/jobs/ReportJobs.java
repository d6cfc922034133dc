package org.zhurnal.reporting.internal.jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.reporting.spi.ReportOutput;
import org.zhurnal.reporting.spi.ReportProgress;
import org.zhurnal.reporting.spi.ReportRequest;
import org.zhurnal.reporting.spi.ReportRunner;

/**
 * Report runs in the background, for reports too long to wait for (a whole school's summary sheet, a municipality's
 * ranking): a checked request is queued, rendered by a small pool with its progress, and its file kept for
 * {@code keepMinutes} for the one who asked. Jobs live in memory: a restart loses queued and finished jobs (their
 * files can simply be run again — a report is a read, nothing is lost that was written).
 * <p>Workers are never interrupted (they may be inside Derby, which closes a connection on interrupt): deactivation
 * stops taking new jobs and lets the running ones finish; a cancelled job's result is dropped.
 */
@Component(service = ReportJobs.class, configurationPid = ReportJobs.PID)
@Designate(ocd = ReportJobs.Config.class)
public class ReportJobs {
    public static final String PID = "org.zhurnal.reporting.jobs";
    private static final Logger LOG = LoggerFactory.getLogger(ReportJobs.class);

    @ObjectClassDefinition(name = "Zhurnal report jobs", description = "Background report runs")
    public @interface Config {
        @AttributeDefinition(description = "Reports rendered at the same time; the rest wait in the queue")
        int threads() default 2;

        @AttributeDefinition(description = "Minutes a finished job and its file are kept")
        int keepMinutes() default 60;

        @AttributeDefinition(description = "Jobs one account may have queued or running at once")
        int maxActivePerAccount() default 5;
    }

    /** Where a job is. */
    public enum Status { QUEUED, RUNNING, DONE, FAILED, CANCELLED }

    /** A job as its owner sees it. */
    public record JobView(String id, String reportId, String format, Status status, int done, int total, String step, Instant createdAt,
            Instant startedAt, Instant finishedAt, String fileName, Integer size, Problem problem) {
    }

    /** Why a job failed, as the inline run would have answered. */
    public record Problem(int status, String title, String detail, String field) {
    }

    private static final class Job implements ReportProgress {
        final String id = UUID.randomUUID().toString();
        final String owner;
        final String reportId;
        final ReportRequest request;
        final Instant createdAt;
        volatile Status status = Status.QUEUED;
        volatile int done;
        volatile int total;
        volatile String step;
        volatile Instant startedAt;
        volatile Instant finishedAt;
        volatile ReportOutput output;
        volatile Problem problem;
        /** The failure's detail in the UI's languages (for the 409 of its file), when the problem has it. */
        volatile Text problemText;

        Job(String owner, String reportId, ReportRequest request, Instant createdAt) {
            this.owner = owner;
            this.reportId = reportId;
            this.request = request;
            this.createdAt = createdAt;
        }

        @Override
        public void update(int done, int total, String step) {
            this.done = Math.max(0, done);
            this.total = Math.max(0, total);
            this.step = step;
        }

        /** @param language the reader's: the failure's detail in it when there is one */
        JobView view(java.util.Locale language) {
            ReportOutput out = output;
            Problem p = problem;
            Text why = problemText;
            if (p != null && why != null) {
                p = new Problem(p.status(), p.title(), why.in(language), p.field());
            }
            return new JobView(id, reportId, request.format().name(), status, done, total, step, createdAt, startedAt, finishedAt,
                    out == null ? null : out.fileName(), out == null ? null : out.content().length, p);
        }
    }

    private final ReportRunner runner;
    private final ZhurnalClock clock;
    private final Config config;
    private final ExecutorService pool;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    @Activate
    public ReportJobs(@Reference ReportRunner runner, @Reference ZhurnalClock clock, Config config) {
        this.runner = runner;
        this.clock = clock;
        this.config = config;
        AtomicInteger n = new AtomicInteger();
        int threads = Math.max(1, config.threads());
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "zhurnal-report-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Deactivate
    void deactivate() {
        pool.shutdown(); // no shutdownNow: never interrupt a thread that may be inside Derby
    }

    /** Queues a checked request of {@code owner}; 429 when the owner already has too many jobs waiting or running. */
    public JobView submit(String owner, String reportId, ReportRequest request) {
        expire();
        long active = jobs.values().stream().filter(j -> j.owner.equals(owner) && (j.status == Status.QUEUED || j.status == Status.RUNNING)).count();
        if (active >= config.maxActivePerAccount()) {
            throw new ProblemException(429, "too-many-requests", "Too many requests", Text.of("You have " + active + " reports being prepared; "
                    + "wait for one to finish", "Сейчас готовятся ваши отчёты (" + active + "); дождитесь, пока один из них будет готов"), null);
        }
        Job job = new Job(owner, reportId, request, clock.now());
        jobs.put(job.id, job);
        pool.execute(() -> run(job));
        return job.view(java.util.Locale.ENGLISH); // just queued: no failure to word yet
    }

    private void run(Job job) {
        if (job.status == Status.CANCELLED) {
            return;
        }
        job.status = Status.RUNNING;
        job.startedAt = clock.now();
        try {
            ReportOutput out = runner.render(job.reportId, job.request, job);
            if (job.status != Status.CANCELLED) {
                job.output = out;
                job.status = Status.DONE;
            }
        } catch (ProblemException e) {
            job.problemText = e.text();
            job.problem = new Problem(e.status(), e.title(), e.getMessage(), e.field());
            job.status = Status.FAILED;
        } catch (RuntimeException e) {
            String ref = UUID.randomUUID().toString();
            LOG.error("Report job {} ({}) failed, reference {}", job.id, job.reportId, ref, e);
            String detail = "The report could not be prepared. Reference: " + ref;
            job.problemText = Text.of(detail, "Отчёт не удалось подготовить. Код ошибки: " + ref);
            job.problem = new Problem(500, "Internal error", detail, null);
            job.status = Status.FAILED;
        } finally {
            job.finishedAt = clock.now();
        }
    }

    /** @return the owner's job (another account's job is not found), a failure's detail in {@code language} */
    public Optional<JobView> get(String owner, String id, java.util.Locale language) {
        return find(owner, id).map(j -> j.view(language));
    }

    /** @return the finished job's file; 409 while it is not ready or when it failed */
    public ReportOutput file(String owner, String id) {
        Job job = find(owner, id).orElseThrow(() -> ProblemException.notFound("Report job", id));
        ReportOutput out = job.output;
        if (job.status != Status.DONE || out == null) {
            Problem problem = job.problem;
            Text why = job.problemText;
            throw ProblemException.conflict("job-not-done", Text.of("The report is " + job.status.name().toLowerCase(java.util.Locale.ROOT)
                    + (problem == null ? "" : ": " + problem.detail()), why != null && why.ru() != null ? why.ru()
                            : notDoneRu(job.status) + (problem == null ? "" : ": " + problem.detail())));
        }
        return out;
    }

    /** «Отчёт ещё готовится»: why a job has no file yet, in Russian. */
    private static String notDoneRu(Status status) {
        return switch (status) {
            case QUEUED -> "Отчёт ещё в очереди";
            case RUNNING -> "Отчёт ещё готовится";
            case FAILED -> "Отчёт не подготовлен";
            case CANCELLED -> "Отчёт отменён";
            case DONE -> "Отчёт только что подготовлен; запросите файл ещё раз";
        };
    }

    /** @return the format of the job's request */
    public org.zhurnal.reporting.spi.ReportFormat format(String owner, String id) {
        return find(owner, id).orElseThrow(() -> ProblemException.notFound("Report job", id)).request.format();
    }

    /** Cancels a queued or running job (a running one finishes, its result is dropped) or forgets a finished one. */
    public void cancel(String owner, String id) {
        Job job = find(owner, id).orElseThrow(() -> ProblemException.notFound("Report job", id));
        if (job.status == Status.QUEUED || job.status == Status.RUNNING) {
            job.status = Status.CANCELLED;
            job.finishedAt = clock.now();
            job.output = null;
        } else {
            jobs.remove(id);
        }
    }

    /** @return the owner's jobs, newest first, failures' details in {@code language} */
    public List<JobView> list(String owner, java.util.Locale language) {
        expire();
        List<JobView> out = new ArrayList<>();
        jobs.values().stream().filter(j -> j.owner.equals(owner)).sorted(Comparator.comparing((Job j) -> j.createdAt).reversed())
                .forEach(j -> out.add(j.view(language)));
        return out;
    }

    private Optional<Job> find(String owner, String id) {
        expire();
        Job job = id == null ? null : jobs.get(id);
        return job != null && job.owner.equals(owner) ? Optional.of(job) : Optional.empty();
    }

    private void expire() {
        Instant limit = clock.now().minusSeconds(60L * Math.max(1, config.keepMinutes()));
        jobs.values().removeIf(j -> j.finishedAt != null && j.finishedAt.isBefore(limit));
    }
}
