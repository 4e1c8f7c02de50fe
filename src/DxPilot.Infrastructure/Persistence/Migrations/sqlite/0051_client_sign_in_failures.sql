-- 0051: failed sign-ins per network address (SignInThrottle): the lockout protects one account, this the accounts an address
-- tries one after another. One row per address, its window restarted by the failure after it ended.
CREATE TABLE "ClientSignInFailures" (
    "Client" TEXT NOT NULL CONSTRAINT "PK_ClientSignInFailures" PRIMARY KEY,
    "WindowStartTicks" INTEGER NOT NULL,
    "Failures" INTEGER NOT NULL
);
