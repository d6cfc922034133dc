/**
 * What other modules offer the timetable: {@link org.zhurnal.timetable.spi.LessonRecords}, the records kept on lesson
 * occurrences (the journal's), which a cancellation or an entry ended in the past would leave without their lesson.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.zhurnal.timetable.spi;
