#include <planflow/app/commands.hpp>

int main(int argc, char** argv) { return planflow::app::run_command_line(argc, argv); }
