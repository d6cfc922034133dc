package org.zhurnal.gradebook.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The journal's deadlines ({@code etc/org.zhurnal.gradebook.timeliness.cfg}), from the school's regulations. */
@Component(service = TimelinessConfig.class, configurationPid = "org.zhurnal.gradebook.timeliness")
@Designate(ocd = TimelinessConfig.Config.class)
public class TimelinessConfig {

    @ObjectClassDefinition(name = "Zhurnal journal deadlines", description = "Deadlines of the journal's timeliness control")
    public @interface Config {
        @AttributeDefinition(name = "Homework hours", description = "Hours after the class's last lesson of the day by which homework is entered")
        int homeworkHours() default 2;

        @AttributeDefinition(name = "Mark days", description = "Days after the work's date within which its marks are entered")
        int markDays() default 7;
    }

    private volatile int homeworkHours;
    private volatile int markDays;

    @Activate
    @Modified
    void configure(Config c) {
        homeworkHours = Math.max(0, c.homeworkHours());
        markDays = Math.max(0, c.markDays());
    }

    public int homeworkHours() {
        return homeworkHours;
    }

    public int markDays() {
        return markDays;
    }
}
