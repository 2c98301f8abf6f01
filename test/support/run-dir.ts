/** The environment variable that names the folder of this Jest run (test/support/global-setup.ts). */
export const RUN_DIR_ENV = 'STX_TEST_RUN_DIR';
