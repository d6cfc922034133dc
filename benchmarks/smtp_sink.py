#!/usr/bin/env python3
"""A minimal SMTP server that accepts every message and discards it, for the benchmarks: the diary's notifications
are sent to it as to a real relay (the SMTP dialogue, one connection per message as Zhurnal sends them), so their
cost is measured instead of that of failing to connect. Counts the messages into COUNT_FILE every second.
Usage: smtp_sink.py PORT COUNT_FILE"""
import asyncio
import sys

PORT, COUNT_FILE = int(sys.argv[1]), sys.argv[2]
received = 0


async def session(reader, writer):
    global received
    writer.write(b"220 sink ESMTP\r\n")
    try:
        while True:
            line = await reader.readline()
            if not line:
                break
            verb = line[:4].upper()
            if verb == b"EHLO":
                writer.write(b"250-sink\r\n250 8BITMIME\r\n")
            elif verb == b"DATA":
                writer.write(b"354 end with .\r\n")
                await writer.drain()
                while (await reader.readline()) not in (b".\r\n", b""):
                    pass
                received += 1
                writer.write(b"250 queued\r\n")
            elif verb == b"QUIT":
                writer.write(b"221 bye\r\n")
                break
            else:
                writer.write(b"250 OK\r\n")
            await writer.drain()
    finally:
        writer.close()


async def report():
    while True:
        await asyncio.sleep(1)
        with open(COUNT_FILE, "w") as f:
            f.write(str(received))


async def main():
    server = await asyncio.start_server(session, "127.0.0.1", PORT)
    async with server:
        await asyncio.gather(server.serve_forever(), report())


asyncio.run(main())
