# assertLogs/assertNoLogs, IsolatedAsyncioTestCase, buffer=True,
# failfast, chained exceptions in reports, run() without a result and
# debug().
import asyncio
import logging
import unittest
from _show import run


class Logs(unittest.TestCase):
    def test_logs(self):
        with self.assertLogs('app', level='INFO') as cm:
            logging.getLogger('app').info('first %d', 1)
            logging.getLogger('app.db').error('second')
            logging.getLogger('app').debug('hidden')
        print(cm.output)
        print([r.getMessage() for r in cm.records])

    def test_no_logs_seen(self):
        with self.assertRaises(AssertionError) as cm:
            with self.assertLogs('quiet', level='WARNING'):
                logging.getLogger('quiet').info('too low')
        print(cm.exception)

    def test_unexpected(self):
        with self.assertRaises(AssertionError) as cm:
            with self.assertNoLogs('loud'):
                logging.getLogger('loud').warning('boom')
        print(cm.exception)

    def test_root_default(self):
        with self.assertLogs() as cm:
            logging.warning('to root')
        print(cm.output)

    def test_none_ok(self):
        with self.assertNoLogs('loud', level='ERROR'):
            logging.getLogger('loud').warning('below error')


events = []


class Async(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        events.append('asyncSetUp')

    def setUp(self):
        events.append('setUp')

    async def test_sleep(self):
        await asyncio.sleep(0)
        events.append('test_sleep')
        self.addAsyncCleanup(self.cleanup_coro, 'async cleanup')

    async def cleanup_coro(self, word):
        await asyncio.sleep(0)
        events.append(word)

    async def test_fails(self):
        await asyncio.sleep(0)
        self.assertEqual(await self.compute(), 3)

    async def compute(self):
        return 2

    def test_plain(self):
        events.append('plain')

    async def asyncTearDown(self):
        events.append('asyncTearDown')

    def tearDown(self):
        events.append('tearDown')


class Buffered(unittest.TestCase):
    def test_prints_ok(self):
        print('swallowed')

    def test_prints_fail(self):
        print('shown with the failure')
        self.fail('x')


class Chained(unittest.TestCase):
    def helper(self):
        try:
            {}['k']
        except KeyError as exc:
            raise ValueError('converted') from exc

    def test_chain(self):
        self.helper()

    def test_helper_assert(self):
        self.check(5)

    def check(self, value):
        self.assertLess(value, 3)


class Quick(unittest.TestCase):
    def test_1(self):
        self.fail('first')

    def test_2(self):
        pass


run(Logs, 2)
# Tracebacks through the event loop differ between implementations, so
# only the outcome and the last line of the report are shown.
outcome = unittest.TestResult()
unittest.TestLoader().loadTestsFromTestCase(Async).run(outcome)
print(outcome.testsRun, len(outcome.failures), len(outcome.errors))
for test, text in outcome.failures:
    print(test, '->', text.strip().splitlines()[-1])
print(events)
run(Buffered, 1, buffer=True)
run(Chained)
run(Quick, 1, failfast=True)

result = Quick('test_2').run()
print(type(result).__name__, result.testsRun, result.wasSuccessful())
try:
    Quick('test_1').debug()
except AssertionError as exc:
    print('debug raised:', exc)
