-- CreateTable
CREATE TABLE "owed_indexes" (
    "name" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "owed_since" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "owed_indexes_pkey" PRIMARY KEY ("name")
);
