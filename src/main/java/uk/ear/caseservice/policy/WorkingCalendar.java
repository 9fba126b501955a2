package uk.ear.caseservice.policy;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** England and Wales working days: Monday to Friday, bank holidays excluded. */
public class WorkingCalendar {

  private final HolidayManager holidays = HolidayManager.getInstance(ManagerParameters.create("gb"));
  private final Set<LocalDate> extraHolidays;

  public WorkingCalendar(Set<LocalDate> extraHolidays) {
    this.extraHolidays = Set.copyOf(extraHolidays);
  }

  public boolean isBankHoliday(LocalDate date) {
    // England ("eng") and Wales ("wls") share their bank holidays
    return extraHolidays.contains(date) || holidays.isHoliday(date, "eng");
  }

  public boolean isWorkingDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isBankHoliday(date);
  }

  /** The n-th working day after {@code date} (n = 1: the next working day). */
  public LocalDate plusWorkingDays(LocalDate date, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("working days must not be negative: " + n);
    }
    LocalDate day = date;
    for (int left = n; left > 0; ) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        left--;
      }
    }
    return day;
  }
}
