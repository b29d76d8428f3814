package jp.budgetledger.verifier;

/** The outcome of one check: {@link Verified} or {@link Finding}. */
sealed interface Result permits Result.Verified, Finding {

    /** The line printed for it, Japanese first, English after. */
    String line();

    /** A check that held. */
    record Verified(String japanese, String english) implements Result {

        @Override
        public String line() {
            return "検証成功 (verified): " + japanese + " — " + english;
        }
    }
}
