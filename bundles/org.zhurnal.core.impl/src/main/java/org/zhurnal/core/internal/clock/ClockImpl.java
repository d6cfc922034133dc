package org.zhurnal.core.internal.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.zhurnal.core.api.ZhurnalClock;

/**
 * The clock. In production it follows the system clock; {@code etc/org.zhurnal.clock.cfg} (or
 * {@code zhurnal:clock}) may fix it at an instant or shift it, which tests and training instances use.
 */
@Component(service = ZhurnalClock.class, configurationPid = "org.zhurnal.clock")
@Designate(ocd = ClockImpl.Config.class)
public class ClockImpl implements ZhurnalClock {

    @ObjectClassDefinition(name = "Zhurnal clock", description = "Time source of every Zhurnal module")
    public @interface Config {
        @AttributeDefinition(description = "Default time zone of the deployment (IANA id)")
        String zone() default "Europe/Moscow";

        @AttributeDefinition(description = "If set (ISO-8601 instant), the clock stands still at this instant")
        String fixedInstant() default "";

        @AttributeDefinition(description = "Shift added to the system time, in seconds")
        long offsetSeconds() default 0;
    }

    private volatile Clock clock;

    @Activate
    public ClockImpl(Config config) {
        modified(config);
    }

    @Modified
    void modified(Config config) {
        ZoneId zone = ZoneId.of(config.zone());
        Clock c = config.fixedInstant().isBlank() ? Clock.system(zone)
                : Clock.fixed(Instant.parse(config.fixedInstant()), zone);
        this.clock = config.offsetSeconds() == 0 ? c : Clock.offset(c, Duration.ofSeconds(config.offsetSeconds()));
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public ZoneId zone() {
        return clock.getZone();
    }

    @Override
    public Clock asClock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ClockImpl.this.zone();
            }

            @Override
            public Clock withZone(ZoneId zone) {
                Clock self = this;
                return new Clock() {
                    @Override
                    public ZoneId getZone() {
                        return zone;
                    }

                    @Override
                    public Clock withZone(ZoneId other) {
                        return self.withZone(other);
                    }

                    @Override
                    public Instant instant() {
                        return ClockImpl.this.now();
                    }
                };
            }

            @Override
            public Instant instant() {
                return ClockImpl.this.now();
            }
        };
    }
}
