print("about to import")
import missing_module_xyz
