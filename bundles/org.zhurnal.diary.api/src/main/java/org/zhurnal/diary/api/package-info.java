/**
 * The diary module's API: what a student and their family see — a week of lessons with topics, homework, marks
 * and absences, and a reporting period's marks, averages and forecasts — for other modules (reporting, printouts).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.zhurnal.diary.api;
