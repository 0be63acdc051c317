package io.hermesconnect.sink.http.client;

/**
 * What an answer's status means for the event: done, try again later, or refused (the event's data is wrong).
 *
 * @param success the statuses that mean done
 * @param deleteNotFoundIsSuccess whether a 404 to a delete means done (the object is gone already)
 * @param deleteConflictIsSuccess whether a 409 to a delete means done
 */
public record StatusOutcomes(StatusSet success, boolean deleteNotFoundIsSuccess, boolean deleteConflictIsSuccess) {

    /** The meaning of an answer's status. */
    public enum Outcome { SUCCESS, RETRY, REFUSED }

    /** The meaning of {@code status} to a request that deletes ({@code delete}) or does something else. */
    public Outcome of(int status, boolean delete) {
        if (success.contains(status)
                || (delete && status == 404 && deleteNotFoundIsSuccess)
                || (delete && status == 409 && deleteConflictIsSuccess)) {
            return Outcome.SUCCESS;
        }
        if (status >= 500 || status == 429 || status == 408) {
            return Outcome.RETRY;
        }
        return Outcome.REFUSED;
    }
}
